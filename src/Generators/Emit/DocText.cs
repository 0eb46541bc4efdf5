using System.Collections.Generic;
using System.Linq;
using TelemetryConventions.Conventions.Model;

namespace TelemetryConventions.Generators.Emit;

/// <summary>The wording shared by every generated doc comment and [Obsolete] message.</summary>
internal static class DocText
{
    public static string Remarks(string typeXml, string? note, Stability stability, IEnumerable<string>? examples, PrivacyAnnotation? privacy)
    {
        var parts = new List<string> { typeXml };
        if (!string.IsNullOrWhiteSpace(note))
        {
            parts.Add(Markdown(note!.Trim()));
        }
        if (examples is not null && examples.Any())
        {
            parts.Add("Examples: " + string.Join(", ", examples.Select(e => "<c>" + SourceWriter.EscapeXml(e) + "</c>")) + ".");
        }
        if (privacy is not null)
        {
            parts.Add($"Privacy: {Spell(privacy.Classification)}, {Spell(privacy.Treatment)}.");
        }
        parts.Add("Stability: " + Spell(stability) + ".");
        return string.Join("\n\n", parts);
    }

    private static readonly System.Text.RegularExpressions.Regex InlineCode = new("`([^`\n]+)`", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Escapes convention text for XML docs, keeping markdown inline code as &lt;c&gt;.</summary>
    public static string Markdown(string text) => InlineCode.Replace(SourceWriter.EscapeXml(text), "<c>$1</c>");

    public static string Spell(Stability stability) => stability switch
    {
        Stability.Stable => "stable",
        Stability.ReleaseCandidate => "release candidate",
        Stability.Deprecated => "deprecated",
        _ => "development",
    };

    public static string Spell(PrivacyClassification classification) => classification switch
    {
        PrivacyClassification.PersonalIdentifier => "personal identifier",
        PrivacyClassification.QuasiIdentifier => "quasi-identifier",
        PrivacyClassification.Health => "health data",
        PrivacyClassification.Financial => "financial data",
        PrivacyClassification.Contact => "contact data",
        _ => "location data",
    };

    public static string Spell(PrivacyTreatment treatment) => treatment switch
    {
        PrivacyTreatment.Pseudonymize => "emitted only as a keyed pseudonym",
        PrivacyTreatment.Redact => "never emitted with its value",
        _ => "emitted as is",
    };

    public static string Obsolete(Deprecation deprecation)
    {
        var message = deprecation.Reason switch
        {
            DeprecationReason.Renamed when deprecation.RenamedTo is { } target => $"Renamed to '{target}'.",
            DeprecationReason.Obsoleted => "Obsoleted.",
            _ => "Deprecated.",
        };
        if (!string.IsNullOrWhiteSpace(deprecation.Note) && deprecation.Note!.Trim() != message)
        {
            message += " " + string.Join(" ", deprecation.Note.Split(new[] { '\n', '\r' }, System.StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        }
        return message;
    }
}
