using System.Net;
using System.Net.Mail;
using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features.Accounts;

public enum EmailSenderKind
{
    Log,
    Smtp,
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary><c>Smtp</c> sends real mail; <c>Log</c> writes links to the log, in Development only.</summary>
    public string Sender { get; set; } = nameof(EmailSenderKind.Smtp);

    public SmtpSettings Smtp { get; set; } = new();

    public EmailSenderKind SenderKind => Enum.Parse<EmailSenderKind>(Sender, ignoreCase: true);
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

internal sealed class EmailOptionsValidator(IHostEnvironment environment) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        if (!Enum.GetNames<EmailSenderKind>().Contains(options.Sender, StringComparer.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"Email:Sender is '{options.Sender}'. Use 'Smtp' to send mail (or 'Log' in Development to write links to the log).");
        }

        // A password-reset link in a log is a way into the account for anyone who can read the log.
        if (options.SenderKind == EmailSenderKind.Log && !environment.IsDevelopment())
        {
            return ValidateOptionsResult.Fail(
                $"Email:Sender is 'Log', which writes account links (password resets among them) to the log. It is allowed only in Development; " +
                $"in {environment.EnvironmentName} use 'Smtp' with Email:Smtp:Host and Email:Smtp:From.");
        }

        var failures = new List<string>();
        if (options.SenderKind == EmailSenderKind.Smtp)
        {
            if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            {
                failures.Add("Email:Smtp:Host is missing. It is required when Email:Sender is 'Smtp' (in Development, Email:Sender 'Log' writes links to the log instead).");
            }

            if (string.IsNullOrWhiteSpace(options.Smtp.From))
            {
                failures.Add("Email:Smtp:From is missing. It is required when Email:Sender is 'Smtp'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>
/// The account emails: Identity's three, and one Identity has no need of. Registering with an address
/// that already has an account tells its owner by email, and the person registering sees the same page
/// as for a new address, so the form does not reveal who has an account.
/// </summary>
public interface IAccountEmails : IEmailSender<ApplicationUser>
{
    /// <param name="signInLink">The sign-in page, as a plain address (not HTML-encoded).</param>
    /// <param name="resetLink">The forgotten-password page, as a plain address.</param>
    Task SendAlreadyRegisteredAsync(ApplicationUser user, string email, string signInLink, string resetLink);
}

/// <summary>
/// Writes account links to the log instead of mailing them, so accounts can be confirmed without a
/// mail server; Development only (see <see cref="EmailOptionsValidator"/>). The address is left out
/// of the log: the user id is enough to find the account.
/// </summary>
internal sealed partial class LogEmailSender(ILogger<LogEmailSender> logger) : IAccountEmails
{
    public Task SendAlreadyRegisteredAsync(ApplicationUser user, string email, string signInLink, string resetLink) =>
        Write("Registration with a known address", user.Id, signInLink);

    // Identity hands over links HTML-encoded for an email body; the log gets them usable as they are.
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        Write("Email confirmation", user.Id, confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        Write(user.PasswordHash is null ? "Staff invitation" : "Password reset", user.Id, resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        Write("Password reset code", user.Id, resetCode);

    private Task Write(string purpose, string userId, string encodedLink)
    {
        var link = WebUtility.HtmlDecode(encodedLink);
        LogLink(logger, purpose, userId, link);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email:Sender is Log, so no mail was sent. {Purpose} for user {UserId}: {Link}")]
    private static partial void LogLink(ILogger logger, string purpose, string userId, string link);
}

internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IAccountEmails
{
    public Task SendAlreadyRegisteredAsync(ApplicationUser user, string email, string signInLink, string resetLink) =>
        SendAsync(email, "Someone tried to create an account with your address",
            "<p>Someone, perhaps you, tried to create a Microneedling Planner account with this email address. You already have one, so nothing was changed.</p>" +
            $"<p>To use it, <a href=\"{WebUtility.HtmlEncode(signInLink)}\">sign in</a>; if you have forgotten your password, <a href=\"{WebUtility.HtmlEncode(resetLink)}\">choose a new one</a>.</p>" +
            "<p>If it was not you, you can ignore this message: no one can use your account without your password.</p>");

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your email address",
            $"<p>Please confirm the email address for your Microneedling Planner account: <a href=\"{confirmationLink}\">confirm my address</a>.</p>" +
            "<p>If you did not create an account, you can ignore this message.</p>");

    // An account without a password is an invitation (UserAdministration.InviteStaffAsync): its first password is a reset.
    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) => user.PasswordHash is null
        ? SendAsync(email, "You are invited to the Microneedling Planner",
            $"<p>An administrator has made you a staff account on the clinic's Microneedling Planner. <a href=\"{resetLink}\">Choose your password</a> within a day.</p>" +
            "<p>After that you sign in with your email address, your password and a code from an authenticator app on your phone.</p>" +
            "<p>If you did not expect this, you can ignore this message.</p>")
        : SendAsync(email, "Reset your password",
            $"<p>To choose a new password for your Microneedling Planner account, <a href=\"{resetLink}\">follow this link</a>.</p>" +
            "<p>If you did not ask for this, you can ignore this message.</p>");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        SendAsync(email, "Your password reset code", $"<p>Your password reset code is <strong>{WebUtility.HtmlEncode(resetCode)}</strong>.</p>");

    private async Task SendAsync(string to, string subject, string htmlBody)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var message = new MailMessage(smtp.From!, to, subject, htmlBody) { IsBodyHtml = true };
        await client.SendMailAsync(message);
    }
}
