namespace Refitkit;

// Typed HTTP clients declared as interfaces (Refit's shapes). What prints what:
// - ApiException's message is "Response status code does not indicate success: 404 (Not Found)."; it
//   keeps the request (its method and its full URI, path and query as filled in) and the response body
//   in Content, as the server wrote it.
// - ApiException is a class: ToString() is the usual exception text (type, message, stack).

[AttributeUsage(AttributeTargets.Method)]
public sealed class GetAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class PostAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class PatchAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class BodyAttribute : Attribute;

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class HeaderAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

[AttributeUsage(AttributeTargets.Parameter)]
public sealed class QueryAttribute : Attribute;

public class ApiException(HttpRequestMessage request, HttpStatusCode statusCode, string? reasonPhrase, string? content)
    : Exception($"Response status code does not indicate success: {(int)statusCode} ({reasonPhrase}).")
{
    public HttpRequestMessage RequestMessage { get; } = request;

    public HttpMethod HttpMethod => RequestMessage.Method;

    public Uri? Uri => RequestMessage.RequestUri;

    public HttpStatusCode StatusCode { get; } = statusCode;

    public string? ReasonPhrase { get; } = reasonPhrase;

    public string? Content { get; } = content;

    public bool HasContent => !string.IsNullOrWhiteSpace(Content);

    public T? GetContentAs<T>() => Content is null ? default : JsonSerializer.Deserialize<T>(Content);
}
