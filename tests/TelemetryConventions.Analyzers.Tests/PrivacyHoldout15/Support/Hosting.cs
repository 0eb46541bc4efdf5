using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace PrivacyHoldout15.Support;

// The options pattern, a Razor-like template renderer, a PDF renderer and blob storage, and the
// form of a provider's webhook request, as small stand-ins. Only the shapes matter.

public interface IOptions<out T>
    where T : class
{
    T Value { get; }
}

public interface ITemplateRenderer
{
    Task<string> RenderAsync<TModel>(string templateName, TModel model);
}

public sealed class TemplateNotFoundException(string templateName) : Exception($"The template '{templateName}' was not found.")
{
    public string TemplateName { get; } = templateName;
}

public interface IPdfRenderer
{
    Task<byte[]> RenderAsync(string html);
}

public interface IBlobStore
{
    Task<Uri> UploadAsync(string container, string blobName, byte[] content, string contentType);
}

/// <summary>A posted form, as a webhook receives it (Twilio posts its status callbacks as forms).</summary>
public sealed class FormCollection(IDictionary<string, string> values)
{
    public string this[string key] => values.TryGetValue(key, out var value) ? value : "";

    public bool ContainsKey(string key) => values.ContainsKey(key);

    public int Count => values.Count;

    public IEnumerable<string> Keys => values.Keys;
}

public sealed class WebhookRequest
{
    public required string Path { get; init; }

    public string QueryString { get; init; } = "";

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public FormCollection Form { get; init; } = new(new Dictionary<string, string>());

    public string Body { get; init; } = "";
}

public interface IResult;

public static class Results
{
    private sealed record StatusResult(int StatusCode, string? Detail) : IResult;

    public static IResult Ok() => new StatusResult(200, null);

    public static IResult NoContent() => new StatusResult(204, null);

    public static IResult BadRequest(string? detail = null) => new StatusResult(400, detail);

    public static IResult Unauthorized() => new StatusResult(401, null);
}
