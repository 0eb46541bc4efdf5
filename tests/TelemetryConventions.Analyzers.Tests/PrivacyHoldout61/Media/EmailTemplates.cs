using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Globalization;
using System.Resources;
using System.Text;

namespace PrivacyHoldout61.Media;

public sealed record Subscriber(Guid SubscriberId, string Email, string FirstName, string Locale, string Plan);

public sealed record ViewingProfile(Guid ProfileId, string Name, bool Kids);

public sealed record Title(string TitleId, string Name, int Season, int Episode, TimeSpan Remaining);

/// <summary>Resource designer class for <c>MailerTexts.resx</c> (with <c>de</c>, <c>fr</c> and <c>es</c> satellites).</summary>
[GeneratedCode("System.Resources.Tools.StronglyTypedResourceBuilder", "17.0.0.0")]
internal static class MailerTexts
{
    private static ResourceManager? resourceMan;

    internal static ResourceManager ResourceManager =>
        resourceMan ??= new ResourceManager("PrivacyHoldout61.Media.MailerTexts", typeof(MailerTexts).Assembly);

    /// <summary>Looks up a localized string similar to {0}, pick up where {1} left off.</summary>
    internal static string DigestSubject(CultureInfo culture) => ResourceManager.GetString("DigestSubject", culture)!;

    /// <summary>Looks up a localized string similar to {0} new episodes are waiting for you.</summary>
    internal static string DigestSubjectControl(CultureInfo culture) => ResourceManager.GetString("DigestSubjectControl", culture)!;

    /// <summary>Looks up a localized string similar to Your {0} plan renews on {1:D} for {2:C}..</summary>
    internal static string RenewalLine(CultureInfo culture) => ResourceManager.GetString("RenewalLine", culture)!;
}

/// <summary>Thrown when a template names a placeholder the context has no value for.</summary>
public sealed class TemplateRenderException(string template, string placeholder, string renderedSoFar)
    : Exception($"Template '{template}' has no value for {{{{{placeholder}}}}}.")
{
    public string Placeholder { get; } = placeholder;

    /// <summary>The text rendered up to the missing placeholder, for the CRM team to see what went out wrong.</summary>
    public string RenderedSoFar { get; } = renderedSoFar;
}

/// <summary>The values a template is rendered with, built once per recipient.</summary>
public sealed class TemplateContext
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public TemplateContext(Subscriber subscriber, ViewingProfile profile)
    {
        _values["firstName"] = subscriber.FirstName;
        _values["profileName"] = profile.Name;
        _values["plan"] = subscriber.Plan;
        _values["email"] = subscriber.Email;
    }

    public IReadOnlyDictionary<string, string> Values => _values;

    public string Greeting => $"Hi {_values["firstName"]}";

    public TemplateContext Add(string key, string value)
    {
        _values[key] = value;
        return this;
    }
}

/// <summary>Replaces <c>{{placeholder}}</c>s by hand; the templates are HTML kept in the CMS.</summary>
public static class TemplateRenderer
{
    public static string Render(string name, string template, IReadOnlyDictionary<string, string> values)
    {
        var output = new StringBuilder(template.Length + 256);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                output.Append(template, position, template.Length - position);
                break;
            }

            var close = template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var key = template.Substring(open + 2, close - open - 2).Trim();
            output.Append(template, position, open - position);
            if (!values.TryGetValue(key, out var value))
            {
                throw new TemplateRenderException(name, key, output.ToString());
            }

            output.Append(value);
            position = close + 2;
        }

        return output.ToString();
    }
}
