namespace GatewayKit.Templates;

// A message template store and renderer in the shape of Handlebars-style template services
// (SendGrid dynamic templates, Notify's personalisation).

/// <summary>A template: id, version, locale, channel, subject and body with <c>{{placeholder}}</c> fields. A record: prints its members.</summary>
public sealed record MessageTemplate(string Id, int Version, string Locale, string Channel, string Subject, string Body)
{
    /// <summary>The names of the placeholders the template uses.</summary>
    public IReadOnlyList<string> Placeholders =>
        System.Text.RegularExpressions.Regex.Matches(Subject + Body, @"\{\{(\w+)\}\}").Select(m => m.Groups[1].Value).Distinct().ToList();
}

/// <summary>The output of a render: the subject and body as sent, the template's id and the placeholders left empty. A record: prints its members.</summary>
public sealed record RenderedMessage(string TemplateId, string Subject, string Body, IReadOnlyList<string> MissingPlaceholders);

public interface ITemplateStore
{
    Task<MessageTemplate> GetAsync(string templateId, string locale, CancellationToken cancellationToken = default);
}

public static class TemplateRenderer
{
    /// <summary>Fills each <c>{{name}}</c> with the value of the personalisation.</summary>
    public static RenderedMessage Render(MessageTemplate template, IReadOnlyDictionary<string, string?> personalisation)
    {
        var missing = template.Placeholders.Where(p => personalisation.GetValueOrDefault(p) is null).ToList();
        string Fill(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\{\{(\w+)\}\}", m => personalisation.GetValueOrDefault(m.Groups[1].Value) ?? "");
        return new RenderedMessage(template.Id, Fill(template.Subject), Fill(template.Body), missing);
    }
}

/// <summary>A render refused: names the template and the placeholder, never a value.</summary>
public sealed class TemplateRenderException(string templateId, string placeholder)
    : Exception($"Template '{templateId}' has no value for '{{{{{placeholder}}}}}'")
{
    public string TemplateId { get; } = templateId;

    public string Placeholder { get; } = placeholder;
}

/// <summary>Sends a rendered message by email or SMS (not telemetry).</summary>
public interface IMessageSender
{
    Task<string> SendEmailAsync(string to, RenderedMessage message, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken = default);

    Task<string> SendSmsAsync(string to, RenderedMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// The mail relay's refusal, quoting the recipient as SMTP servers do
/// (<c>550 5.1.1 &lt;jo@…&gt;: Recipient address rejected</c>).
/// </summary>
public sealed class RecipientRejectedException(string recipient, string status)
    : Exception($"550 {status} <{recipient}>: Recipient address rejected")
{
    public string Status { get; } = status;
}
