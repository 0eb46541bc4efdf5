using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout7.Support;

// Stand-ins for a Service Bus style processor, a scheduled-job library, a memory cache, the options
// pattern and an object mapper, so that the corpus compiles without them. Only the shapes matter.

public sealed class ReceivedMessage
{
    public string MessageId { get; init; } = Guid.NewGuid().ToString("N");

    public string? CorrelationId { get; init; }

    public string? Subject { get; init; }

    public string? SessionId { get; init; }

    public int DeliveryCount { get; init; }

    public BinaryPayload Body { get; init; } = new(Array.Empty<byte>());

    public IReadOnlyDictionary<string, object> ApplicationProperties { get; init; } = new Dictionary<string, object>();
}

public sealed record BinaryPayload(byte[] Bytes)
{
    public T ToObjectFromJson<T>() => System.Text.Json.JsonSerializer.Deserialize<T>(Bytes)!;

    public override string ToString() => System.Text.Encoding.UTF8.GetString(Bytes);
}

public sealed class ProcessMessageEventArgs
{
    public required ReceivedMessage Message { get; init; }

    public string EntityPath { get; init; } = string.Empty;

    public CancellationToken CancellationToken { get; init; }

    public Task CompleteMessageAsync(ReceivedMessage message) => Task.CompletedTask;

    public Task DeadLetterMessageAsync(ReceivedMessage message, string reason, string description) => Task.CompletedTask;
}

public sealed class ProcessErrorEventArgs
{
    public required Exception Exception { get; init; }

    public string EntityPath { get; init; } = string.Empty;

    public string ErrorSource { get; init; } = string.Empty;
}

public sealed class JobDataMap : Dictionary<string, object>
{
    public string GetString(string key) => TryGetValue(key, out var value) ? value?.ToString() ?? string.Empty : string.Empty;

    public int GetInt(string key) => TryGetValue(key, out var value) ? Convert.ToInt32(value) : 0;
}

public sealed class JobKey(string name, string group)
{
    public string Name { get; } = name;

    public string Group { get; } = group;

    public override string ToString() => $"{Group}.{Name}";
}

public interface IJobExecutionContext
{
    JobDataMap MergedJobDataMap { get; }

    JobKey JobKey { get; }

    DateTimeOffset FireTimeUtc { get; }

    int RefireCount { get; }

    CancellationToken CancellationToken { get; }
}

public interface IJob
{
    Task Execute(IJobExecutionContext context);
}

public interface ICacheEntry
{
    TimeSpan? AbsoluteExpirationRelativeToNow { get; set; }

    object Key { get; }
}

public interface IMemoryCache
{
    TItem GetOrCreate<TItem>(object key, Func<ICacheEntry, TItem> factory);

    Task<TItem> GetOrCreateAsync<TItem>(object key, Func<ICacheEntry, Task<TItem>> factory);
}

public interface IOptions<out TOptions>
    where TOptions : class
{
    TOptions Value { get; }
}

public abstract class Profile
{
    protected MappingExpression<TSource, TDestination> CreateMap<TSource, TDestination>() => new();
}

public sealed class MappingExpression<TSource, TDestination>
{
    public MappingExpression<TSource, TDestination> ForMember<TMember>(
        System.Linq.Expressions.Expression<Func<TDestination, TMember>> destination,
        Action<MemberOptions<TSource, TMember>> options) => this;
}

public sealed class MemberOptions<TSource, TMember>
{
    public void MapFrom(Func<TSource, TMember> resolver)
    {
    }
}

public interface IMapper
{
    TDestination Map<TDestination>(object source);
}

public sealed record ValidationFailure(string PropertyName, string ErrorMessage, object? AttemptedValue);

public sealed class ValidationResult
{
    public List<ValidationFailure> Errors { get; } = new();

    public bool IsValid => Errors.Count == 0;
}
