using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout15.Support.Quartz;

// Stand-ins shaped like Quartz.NET: jobs, their detail and data map, triggers, the execution
// context and job listeners. Only the shapes matter.

public sealed class JobKey(string name, string group = "DEFAULT") : IEquatable<JobKey>
{
    public string Name { get; } = name;

    public string Group { get; } = group;

    public bool Equals(JobKey? other) => other is not null && other.Name == Name && other.Group == Group;

    public override bool Equals(object? obj) => Equals(obj as JobKey);

    public override int GetHashCode() => HashCode.Combine(Name, Group);

    public override string ToString() => $"{Group}.{Name}";
}

public sealed class TriggerKey(string name, string group = "DEFAULT")
{
    public string Name { get; } = name;

    public string Group { get; } = group;

    public override string ToString() => $"{Group}.{Name}";
}

public class JobDataMap : Dictionary<string, object?>
{
    public string? GetString(string key) => TryGetValue(key, out var value) ? value?.ToString() : null;

    public int GetInt(string key) => TryGetValue(key, out var value) && value is int i ? i : 0;

    public Guid GetGuid(string key) => TryGetValue(key, out var value) && value is Guid g ? g : Guid.Empty;

    public bool GetBoolean(string key) => TryGetValue(key, out var value) && value is true;

    public void Put(string key, object? value) => this[key] = value;
}

public interface IJobDetail
{
    JobKey Key { get; }

    string? Description { get; }

    Type JobType { get; }

    JobDataMap JobDataMap { get; }

    bool Durable { get; }
}

public interface ITrigger
{
    TriggerKey Key { get; }

    JobKey? JobKey { get; }

    JobDataMap JobDataMap { get; }

    DateTimeOffset? GetNextFireTimeUtc();
}

public interface IScheduler
{
    Task<DateTimeOffset> ScheduleJob(IJobDetail jobDetail, ITrigger trigger, CancellationToken cancellationToken = default);

    Task<bool> DeleteJob(JobKey jobKey, CancellationToken cancellationToken = default);

    Task<bool> CheckExists(JobKey jobKey, CancellationToken cancellationToken = default);
}

public interface IJobExecutionContext
{
    IScheduler Scheduler { get; }

    ITrigger Trigger { get; }

    IJobDetail JobDetail { get; }

    JobDataMap MergedJobDataMap { get; }

    string FireInstanceId { get; }

    int RefireCount { get; }

    bool Recovering { get; }

    DateTimeOffset FireTimeUtc { get; }

    DateTimeOffset? ScheduledFireTimeUtc { get; }

    TimeSpan JobRunTime { get; }

    object? Result { get; set; }

    CancellationToken CancellationToken { get; }
}

public interface IJob
{
    Task Execute(IJobExecutionContext context);
}

[AttributeUsage(AttributeTargets.Class)]
public sealed class DisallowConcurrentExecutionAttribute : Attribute;

public sealed class JobExecutionException : Exception
{
    public JobExecutionException(string message, Exception? inner = null, bool refireImmediately = false)
        : base(message, inner) => RefireImmediately = refireImmediately;

    public JobExecutionException(Exception inner, bool refireImmediately = false)
        : base(inner.Message, inner) => RefireImmediately = refireImmediately;

    public bool RefireImmediately { get; set; }

    public bool UnscheduleAllTriggers { get; set; }
}

public interface IJobListener
{
    string Name { get; }

    Task JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default);

    Task JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default);

    Task JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default);
}

public sealed class JobBuilder
{
    private JobKey _key = new(Guid.NewGuid().ToString("N"));
    private readonly JobDataMap _data = new();
    private string? _description;
    private readonly Type _type;

    private JobBuilder(Type type) => _type = type;

    public static JobBuilder Create<T>() where T : IJob => new(typeof(T));

    public JobBuilder WithIdentity(string name, string group)
    {
        _key = new JobKey(name, group);
        return this;
    }

    public JobBuilder WithDescription(string description)
    {
        _description = description;
        return this;
    }

    public JobBuilder UsingJobData(string key, string value)
    {
        _data.Put(key, value);
        return this;
    }

    public JobBuilder UsingJobData(string key, int value)
    {
        _data.Put(key, value);
        return this;
    }

    public IJobDetail Build() => new Detail(_key, _description, _type, _data);

    private sealed record Detail(JobKey Key, string? Description, Type JobType, JobDataMap JobDataMap) : IJobDetail
    {
        public bool Durable => false;
    }
}

public sealed class TriggerBuilder
{
    private TriggerKey _key = new(Guid.NewGuid().ToString("N"));
    private DateTimeOffset _start = DateTimeOffset.UtcNow;

    public static TriggerBuilder Create() => new();

    public TriggerBuilder WithIdentity(string name, string group)
    {
        _key = new TriggerKey(name, group);
        return this;
    }

    public TriggerBuilder StartAt(DateTimeOffset start)
    {
        _start = start;
        return this;
    }

    public TriggerBuilder WithCronSchedule(string cron) => this;

    public ITrigger Build() => new Trigger(_key, _start);

    private sealed class Trigger(TriggerKey key, DateTimeOffset start) : ITrigger
    {
        public TriggerKey Key { get; } = key;

        public JobKey? JobKey => null;

        public JobDataMap JobDataMap { get; } = new();

        public DateTimeOffset? GetNextFireTimeUtc() => start;
    }
}
