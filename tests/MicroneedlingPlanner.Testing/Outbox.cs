using System.Collections.Concurrent;
using System.Net;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace MicroneedlingPlanner.Testing;

/// <summary>Keeps the account emails the app sends, in place of a mail server, so tests can read the links.</summary>
public sealed class Outbox : IAccountEmails
{
    public sealed record Message(string Purpose, string UserId, string Link);

    private readonly ConcurrentQueue<Message> messages = new();

    /// <summary>The last link of this kind sent to the user, as the patient would click it (Identity hands it over HTML-encoded).</summary>
    public string LastLink(string purpose, string userId) =>
        messages.LastOrDefault(m => m.Purpose == purpose && m.UserId == userId)?.Link
        ?? throw new InvalidOperationException($"No {purpose} email was sent to user {userId}.");

    public Task SendAlreadyRegisteredAsync(ApplicationUser user, string email, string signInLink, string resetLink) =>
        Keep(nameof(SendAlreadyRegisteredAsync), user, WebUtility.HtmlEncode(signInLink));

    /// <summary>Every email of this kind sent to the user.</summary>
    public int Count(string purpose, string userId) => messages.Count(m => m.Purpose == purpose && m.UserId == userId);

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        Keep(nameof(SendConfirmationLinkAsync), user, confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        Keep(nameof(SendPasswordResetLinkAsync), user, resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        Keep(nameof(SendPasswordResetCodeAsync), user, resetCode);

    private Task Keep(string purpose, ApplicationUser user, string encodedLink)
    {
        messages.Enqueue(new Message(purpose, user.Id, WebUtility.HtmlDecode(encodedLink)));
        return Task.CompletedTask;
    }
}
