namespace PrivacyHoldout78.Support;

// The notification platform's template types: templates keyed by id and channel, rendered into a
// subject and a body for one recipient, and handed to a sender.

public sealed record NotificationTemplate(string TemplateId, string Channel, string SubjectKey, string BodyKey, int Version);

public sealed record RenderedNotification(string TemplateId, string Culture, string Recipient, string Subject, string Body);

public interface INotificationSender
{
    Task<string> SendAsync(RenderedNotification notification, CancellationToken cancellationToken);
}

public sealed class TemplateEngine
{
    public string Render(string template, IReadOnlyDictionary<string, string?> values)
    {
        var text = template;
        foreach (var (key, value) in values)
        {
            text = text.Replace("{{" + key + "}}", value ?? string.Empty);
        }
        return text;
    }

    public IReadOnlyList<string> Placeholders(string template) =>
        template.Split("{{").Skip(1).Select(part => part.Split("}}")[0]).ToList();
}

/// <summary>A template that names a placeholder the caller did not supply.</summary>
public sealed class TemplatePlaceholderException(string templateId, string culture, string placeholder)
    : Exception($"Template '{templateId}' ({culture}) has no value for placeholder '{{{{{placeholder}}}}}'.")
{
    public string TemplateId { get; } = templateId;

    public string Placeholder { get; } = placeholder;
}

/// <summary>The delivery provider refused a message; it quotes the address it was sent to.</summary>
public sealed class DeliveryRejectedException(string recipient, string reason)
    : Exception($"Provider rejected the message to {recipient}: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>A rendered text longer than the channel allows (an SMS segment limit, a push title); it quotes the text.</summary>
public sealed class MessageTooLongException(string channel, int limit, string text)
    : Exception($"{channel} text is {text.Length} characters, over the limit of {limit}: \"{text}\"")
{
    public string Channel { get; } = channel;

    public int Limit { get; } = limit;
}
