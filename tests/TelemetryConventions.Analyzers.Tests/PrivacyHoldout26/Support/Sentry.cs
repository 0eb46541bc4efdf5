using System;
using System.Collections.Generic;
using System.Threading.Tasks;

// A stand-in for the Sentry .NET SDK (crash and error reporting) with its real types' names and
// shapes: the static SentrySdk, the scope with its user, tags, extras and breadcrumbs, events and the
// options' callbacks. Everything set here is sent to the error-monitoring backend with each report.

namespace Sentry
{
    public enum SentryLevel
    {
        Debug,
        Info,
        Warning,
        Error,
        Fatal,
    }

    public enum BreadcrumbLevel
    {
        Debug = -1,
        Info = 0,
        Warning = 1,
        Error = 2,
        Critical = 3,
    }

    public readonly record struct SentryId(Guid Value)
    {
        public static SentryId Empty { get; } = new(Guid.Empty);

        public override string ToString() => Value.ToString("N");
    }

    public sealed class SentryUser
    {
        public string? Id { get; set; }

        public string? Username { get; set; }

        public string? Email { get; set; }

        public string? IpAddress { get; set; }

        public string? Segment { get; set; }

        public IDictionary<string, string> Other { get; set; } = new Dictionary<string, string>();
    }

    public sealed class Breadcrumb(
        string? message,
        string? type,
        IReadOnlyDictionary<string, string>? data = null,
        string? category = null,
        BreadcrumbLevel level = BreadcrumbLevel.Info)
    {
        public DateTimeOffset Timestamp { get; } = DateTimeOffset.UtcNow;

        public string? Message { get; } = message;

        public string? Type { get; } = type;

        public IReadOnlyDictionary<string, string>? Data { get; } = data;

        public string? Category { get; } = category;

        public BreadcrumbLevel Level { get; } = level;
    }

    public sealed class SentryMessage
    {
        public string? Message { get; set; }

        public string? Formatted { get; set; }

        public static implicit operator SentryMessage(string message) => new() { Message = message };
    }

    public sealed class SentryHint
    {
        public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>();
    }

    public class Scope
    {
        private readonly Dictionary<string, string> _tags = new();
        private readonly Dictionary<string, object?> _extra = new();
        private readonly List<Breadcrumb> _breadcrumbs = new();

        public SentryUser User { get; set; } = new();

        public string? TransactionName { get; set; }

        public SentryLevel? Level { get; set; }

        public IReadOnlyList<string> Fingerprint { get; set; } = Array.Empty<string>();

        public IReadOnlyDictionary<string, string> Tags => _tags;

        public IReadOnlyDictionary<string, object?> Extra => _extra;

        public IReadOnlyCollection<Breadcrumb> Breadcrumbs => _breadcrumbs;

        public void SetTag(string key, string value) => _tags[key] = value;

        public void UnsetTag(string key) => _tags.Remove(key);

        public void SetExtra(string key, object? value) => _extra[key] = value;

        public void SetFingerprint(IEnumerable<string> fingerprint) => Fingerprint = new List<string>(fingerprint);

        public void AddBreadcrumb(Breadcrumb breadcrumb) => _breadcrumbs.Add(breadcrumb);

        public void AddBreadcrumb(string message, string? category = null, string? type = null, IDictionary<string, string>? data = null, BreadcrumbLevel level = BreadcrumbLevel.Info) =>
            _breadcrumbs.Add(new Breadcrumb(message, type, data is null ? null : new Dictionary<string, string>(data), category, level));

        public void ClearBreadcrumbs() => _breadcrumbs.Clear();

        public void Clear()
        {
            _tags.Clear();
            _extra.Clear();
            _breadcrumbs.Clear();
            User = new SentryUser();
        }
    }

    public sealed class SentryEvent(Exception? exception = null)
    {
        private readonly Dictionary<string, string> _tags = new();
        private readonly Dictionary<string, object?> _extra = new();

        public SentryId EventId { get; } = new(Guid.NewGuid());

        public Exception? Exception { get; } = exception;

        public SentryMessage? Message { get; set; }

        public SentryLevel? Level { get; set; }

        public string? Logger { get; set; }

        public SentryUser User { get; set; } = new();

        public IReadOnlyList<string> Fingerprint { get; set; } = Array.Empty<string>();

        public IReadOnlyDictionary<string, string> Tags => _tags;

        public IReadOnlyDictionary<string, object?> Extra => _extra;

        public void SetTag(string key, string value) => _tags[key] = value;

        public void UnsetTag(string key) => _tags.Remove(key);

        public void SetExtra(string key, object? value) => _extra[key] = value;
    }

    public sealed class SentryOptions
    {
        public string? Dsn { get; set; }

        public string? Release { get; set; }

        public string? Environment { get; set; }

        public string? Distribution { get; set; }

        public bool Debug { get; set; }

        public bool SendDefaultPii { get; set; }

        public bool AttachStacktrace { get; set; } = true;

        public int MaxBreadcrumbs { get; set; } = 100;

        public double? TracesSampleRate { get; set; }

        public bool AutoSessionTracking { get; set; }

        public bool IsGlobalModeEnabled { get; set; }

        public string? CacheDirectoryPath { get; set; }

        internal Func<SentryEvent, SentryHint, SentryEvent?>? BeforeSend { get; private set; }

        internal Func<Breadcrumb, SentryHint, Breadcrumb?>? BeforeBreadcrumb { get; private set; }

        public void SetBeforeSend(Func<SentryEvent, SentryHint, SentryEvent?> beforeSend) => BeforeSend = beforeSend;

        public void SetBeforeBreadcrumb(Func<Breadcrumb, SentryHint, Breadcrumb?> beforeBreadcrumb) => BeforeBreadcrumb = beforeBreadcrumb;

        public void DisableAppDomainUnhandledExceptionCapture()
        {
        }

        public void DisableUnobservedTaskExceptionCapture()
        {
        }
    }

    public static class SentrySdk
    {
        private static readonly Scope CurrentScope = new();

        public static bool IsEnabled { get; private set; }

        public static SentryId LastEventId { get; private set; }

        public static IDisposable Init(Action<SentryOptions> configureOptions)
        {
            configureOptions(new SentryOptions());
            IsEnabled = true;
            return new Handle();
        }

        public static void ConfigureScope(Action<Scope> configureScope) => configureScope(CurrentScope);

        public static Task ConfigureScopeAsync(Func<Scope, Task> configureScope) => configureScope(CurrentScope);

        public static void SetTag(string key, string value) => CurrentScope.SetTag(key, value);

        public static void AddBreadcrumb(string message, string? category = null, string? type = null, IDictionary<string, string>? data = null, BreadcrumbLevel level = BreadcrumbLevel.Info) =>
            CurrentScope.AddBreadcrumb(message, category, type, data, level);

        public static void AddBreadcrumb(Breadcrumb breadcrumb, SentryHint? hint = null) => CurrentScope.AddBreadcrumb(breadcrumb);

        public static SentryId CaptureException(Exception exception) => Capture();

        public static SentryId CaptureException(Exception exception, Action<Scope> configureScope)
        {
            configureScope(new Scope());
            return Capture();
        }

        public static SentryId CaptureMessage(string message, SentryLevel level = SentryLevel.Info) => Capture();

        public static SentryId CaptureMessage(string message, Action<Scope> configureScope, SentryLevel level = SentryLevel.Info)
        {
            configureScope(new Scope());
            return Capture();
        }

        public static SentryId CaptureEvent(SentryEvent evt) => Capture();

        public static Task FlushAsync(TimeSpan timeout) => Task.CompletedTask;

        private static SentryId Capture() => LastEventId = new SentryId(Guid.NewGuid());

        private sealed class Handle : IDisposable
        {
            public void Dispose() => IsEnabled = false;
        }
    }
}
