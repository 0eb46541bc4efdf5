using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout65.Support;

// What the platform team ships to every service: the data taxonomy the log redaction works from, the
// HMAC redactor registered for personal and sensitive data, the secrets a service receives, and the
// few web types the services' middleware and filters need.

public static class PlatformTaxonomy
{
    public const string Name = "Platform";

    public static DataClassification Personal { get; } = new(Name, nameof(Personal));

    public static DataClassification Sensitive { get; } = new(Name, nameof(Sensitive));

    public static DataClassification Public { get; } = new(Name, nameof(Public));
}

/// <summary>A person's identifier or contact: the logging pipeline's HMAC redactor replaces it.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.ReturnValue)]
public sealed class PersonalDataAttribute : DataClassificationAttribute
{
    public PersonalDataAttribute()
        : base(PlatformTaxonomy.Personal)
    {
    }
}

/// <summary>Free text and health or payment data: the logging pipeline's erasing redactor removes it.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.ReturnValue)]
public sealed class SensitiveDataAttribute : DataClassificationAttribute
{
    public SensitiveDataAttribute()
        : base(PlatformTaxonomy.Sensitive)
    {
    }
}

/// <summary>Data that may be logged as it is.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.ReturnValue)]
public sealed class PublicDataAttribute : DataClassificationAttribute
{
    public PublicDataAttribute()
        : base(PlatformTaxonomy.Public)
    {
    }
}

/// <summary>
/// The redactor the platform registers for <see cref="PlatformTaxonomy.Personal"/>: an HMAC-SHA256 of the
/// value with the service's redaction key, as 16 hex characters. <see cref="PlatformTaxonomy.Sensitive"/>
/// gets the erasing redactor (an empty string); <see cref="PlatformTaxonomy.Public"/> and anything
/// unclassified get the fallback <see cref="NullRedactor"/>, which returns the value unchanged.
/// </summary>
public sealed class HmacRedactor(ServiceSecrets secrets) : Redactor
{
    public override int GetRedactedLength(ReadOnlySpan<char> input) => 16;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        var mac = HMACSHA256.HashData(secrets.RedactionKey, Encoding.UTF8.GetBytes(source.ToArray()));
        Convert.ToHexString(mac.AsSpan(0, 8)).AsSpan().CopyTo(destination);
        return 16;
    }
}

/// <summary>Secrets a service receives from its vault at start-up.</summary>
public sealed class ServiceSecrets
{
    public required byte[] RedactionKey { get; init; }

    public required byte[] ShardKey { get; init; }
}

/// <summary>The parts of ASP.NET Core's request the services' middleware and filters read.</summary>
public sealed class HttpContext
{
    public HttpRequest Request { get; init; } = new();

    public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

    public string TraceIdentifier { get; init; } = Guid.NewGuid().ToString("N");

    public System.Security.Claims.ClaimsPrincipal User { get; init; } = new();

    public IServiceProvider RequestServices { get; init; } = null!;
}

public sealed class HttpRequest
{
    public string Method { get; init; } = "GET";

    public string Path { get; init; } = "/";

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IDictionary<string, object?> RouteValues { get; } = new Dictionary<string, object?>();
}

public delegate Task RequestDelegate(HttpContext context);

public interface IMiddleware
{
    Task InvokeAsync(HttpContext context, RequestDelegate next);
}

public interface IHttpContextAccessor
{
    HttpContext? HttpContext { get; }
}

/// <summary>An MVC action filter's context: the bound arguments of the action about to run.</summary>
public sealed class ActionExecutingContext
{
    public required HttpContext HttpContext { get; init; }

    public required string ActionName { get; init; }

    public IDictionary<string, object?> ActionArguments { get; } = new Dictionary<string, object?>();
}

public sealed class ActionExecutedContext
{
    public required HttpContext HttpContext { get; init; }

    public Exception? Exception { get; set; }
}

public delegate Task<ActionExecutedContext> ActionExecutionDelegate();

public interface IAsyncActionFilter
{
    Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next);
}

/// <summary>A queue message as the services' consumers receive it.</summary>
public sealed record QueueMessage<T>(string MessageId, string Queue, T Body, int DeliveryCount);
