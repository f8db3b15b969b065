using System.Text;

namespace MicroneedlingPlanner.Domain.Intake;

internal static class Words
{
    /// <summary>"TopicalRetinoids" or "topicalRetinoids" as "Topical retinoids".</summary>
    public static string FromName(string name)
    {
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                words.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                words.Append(i == 0 ? char.ToUpperInvariant(name[i]) : name[i]);
            }
        }

        return words.ToString();
    }
}
