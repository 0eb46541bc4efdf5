using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading.Tasks;

// Minimal stand-ins for two error-reporting SDKs, with their real types' names and shapes: Sentry's
// hub, scope, user and breadcrumbs and its Exception.Data extensions, and Raygun's client. Both send
// with each report the exception chain (every type and message, inner exceptions included), the
// exception's Data entries (Sentry as the exception's mechanism data, keys "sentry:tag:…" as tags;
// Raygun as the error's Data), the user, tags, extras and custom data, and the breadcrumbs.

namespace Sentry
{
    public enum BreadcrumbLevel
    {
        Debug = -1,
        Info = 0,
        Warning = 1,
        Error = 2,
    }

    public readonly record struct SentryId(Guid Value)
    {
        public override string ToString() => Value.ToString("N");
    }

    public sealed class SentryUser
    {
        public string? Id { get; set; }

        public string? Username { get; set; }

        public string? Email { get; set; }

        public string? IpAddress { get; set; }

        public string? Segment { get; set; }
    }

    public class Scope
    {
        private readonly Dictionary<string, string> _tags = new();
        private readonly Dictionary<string, object?> _extra = new();

        public SentryUser User { get; set; } = new();

        public string? TransactionName { get; set; }

        public IReadOnlyList<string> Fingerprint { get; set; } = Array.Empty<string>();

        public IReadOnlyDictionary<string, string> Tags => _tags;

        public void SetTag(string key, string value) => _tags[key] = value;

        public void SetExtra(string key, object? value) => _extra[key] = value;

        public void SetFingerprint(IEnumerable<string> fingerprint) => Fingerprint = new List<string>(fingerprint);

        public void AddBreadcrumb(string message, string? category = null, string? type = null, IDictionary<string, string>? data = null, BreadcrumbLevel level = BreadcrumbLevel.Info)
        {
        }
    }

    public interface IHub
    {
        bool IsEnabled { get; }

        void ConfigureScope(Action<Scope> configureScope);

        SentryId CaptureException(Exception exception);

        SentryId CaptureException(Exception exception, Action<Scope> configureScope);

        SentryId CaptureMessage(string message);
    }

    public static class HubExtensions
    {
        public static void AddBreadcrumb(this IHub hub, string message, string? category = null, string? type = null, IDictionary<string, string>? data = null, BreadcrumbLevel level = BreadcrumbLevel.Info) =>
            hub.ConfigureScope(scope => scope.AddBreadcrumb(message, category, type, data, level));
    }

    public static class SentryExceptionExtensions
    {
        /// <summary>A tag added to the event when the exception is captured (kept in <see cref="Exception.Data"/>).</summary>
        public static void AddSentryTag(this Exception ex, string name, string value) => ex.Data.Add("sentry:tag:" + name, value);

        /// <summary>A context added to the event when the exception is captured (kept in <see cref="Exception.Data"/>).</summary>
        public static void AddSentryContext(this Exception ex, string name, IReadOnlyDictionary<string, object> data) => ex.Data.Add("sentry:context:" + name, data);
    }
}

namespace Mindscape.Raygun4Net
{
    public sealed class RaygunIdentifierMessage(string user)
    {
        public string Identifier { get; set; } = user;

        public bool IsAnonymous { get; set; }

        public string? Email { get; set; }

        public string? FullName { get; set; }

        public string? FirstName { get; set; }

        public string? UUID { get; set; }
    }

    public sealed class RaygunSettings
    {
        public string? ApiKey { get; set; }

        public string? ApplicationVersion { get; set; }
    }

    public class RaygunClient(RaygunSettings settings)
    {
        public RaygunSettings Settings { get; } = settings;

        /// <summary>The user sent with every report of this client.</summary>
        public RaygunIdentifierMessage? UserInfo { get; set; }

        public Task SendAsync(Exception exception, IList<string>? tags = null, IDictionary? userCustomData = null, RaygunIdentifierMessage? userInfo = null) => Task.CompletedTask;

        public Task SendInBackground(Exception exception, IList<string>? tags = null, IDictionary? userCustomData = null, RaygunIdentifierMessage? userInfo = null) => Task.CompletedTask;

        /// <summary>A breadcrumb sent with the next reports.</summary>
        public void RecordBreadcrumb(string message)
        {
        }
    }
}
