using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout15.Support.SendGrid;

// Stand-ins shaped like the SendGrid client: a message with personalizations, a client, its
// response, and the event webhook's payload. Only the shapes matter.

public sealed record EmailAddress(string Email, string? Name = null);

public sealed class Personalization
{
    public List<EmailAddress> Tos { get; } = new();

    public string? Subject { get; set; }

    public Dictionary<string, object?> TemplateData { get; } = new();
}

public sealed class Attachment
{
    public required string Filename { get; init; }

    public required string Content { get; init; }

    public string Type { get; init; } = "application/pdf";
}

public sealed class SendGridMessage
{
    public EmailAddress? From { get; set; }

    public string? Subject { get; set; }

    public string? PlainTextContent { get; set; }

    public string? HtmlContent { get; set; }

    public string? TemplateId { get; set; }

    public List<Personalization> Personalizations { get; } = new() { new Personalization() };

    public List<string> Categories { get; } = new();

    public List<Attachment> Attachments { get; } = new();

    public Dictionary<string, string> CustomArgs { get; } = new();

    public void AddTo(string email, string? name = null) => Personalizations[0].Tos.Add(new EmailAddress(email, name));

    public void AddTo(EmailAddress address) => Personalizations[0].Tos.Add(address);

    public void SetTemplateData(object data)
    {
    }

    public void AddCategory(string category) => Categories.Add(category);

    public void AddCustomArg(string key, string value) => CustomArgs[key] = value;

    public void AddAttachment(string filename, string base64Content, string type = "application/pdf") =>
        Attachments.Add(new Attachment { Filename = filename, Content = base64Content, Type = type });
}

public sealed class ResponseBody(string text)
{
    public Task<string> ReadAsStringAsync() => Task.FromResult(text);
}

public sealed class Response(HttpStatusCode statusCode, string body, IDictionary<string, string> headers)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public ResponseBody Body { get; } = new(body);

    public IDictionary<string, string> Headers { get; } = headers;

    public bool IsSuccessStatusCode => (int)StatusCode is >= 200 and < 300;
}

public interface ISendGridClient
{
    Task<Response> SendEmailAsync(SendGridMessage message, CancellationToken cancellationToken = default);
}

/// <summary>One entry of the event webhook's JSON array.</summary>
public sealed class SendGridEvent
{
    public string Email { get; init; } = "";

    public string Event { get; init; } = "";

    public long Timestamp { get; init; }

    public string? SgEventId { get; init; }

    public string? SgMessageId { get; init; }

    public string? Reason { get; init; }

    public string? Status { get; init; }

    public string? Type { get; init; }

    public string[] Category { get; init; } = Array.Empty<string>();

    public string? Url { get; init; }

    public string? Ip { get; init; }

    public string? UserAgent { get; init; }

    public Dictionary<string, string> UniqueArgs { get; init; } = new();
}
