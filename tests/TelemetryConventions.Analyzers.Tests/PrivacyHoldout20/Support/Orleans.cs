using System;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for Microsoft Orleans (grains, persistent state, reminders), reduced to the members the
// grains of the corpus use. Only the shapes matter.

namespace Orleans
{
    public interface IGrain;

    public interface IGrainWithStringKey : IGrain;

    public interface IGrainWithGuidKey : IGrain;

    public interface IGrainWithIntegerKey : IGrain;

    public interface IGrainFactory
    {
        TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithStringKey;

        TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithGuidKey;

        TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null) where TGrainInterface : IGrainWithIntegerKey;
    }

    public readonly record struct GrainType(string Value)
    {
        public override string ToString() => Value;
    }

    /// <summary>A grain's identity; prints as <c>type/key</c>.</summary>
    public readonly record struct GrainId(GrainType Type, string Key)
    {
        public override string ToString() => $"{Type}/{Key}";
    }

    public abstract class Grain
    {
        protected IGrainFactory GrainFactory { get; } = null!;

        /// <summary>The grain's identity as text, <c>type/key</c>.</summary>
        public string IdentityString => GetGrainId().ToString();

        public GrainId GetGrainId() => default;

        public string GetPrimaryKeyString() => string.Empty;

        public Guid GetPrimaryKey() => Guid.Empty;

        public long GetPrimaryKeyLong() => 0;

        public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

        protected void DeactivateOnIdle()
        {
        }

        protected IDisposable RegisterTimer(Func<object?, Task> callback, object? state, TimeSpan dueTime, TimeSpan period) => new NoopDisposable();

        private sealed class NoopDisposable : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }

    public readonly record struct DeactivationReason(DeactivationReasonCode ReasonCode, string Description);

    public enum DeactivationReasonCode
    {
        None,
        ShuttingDown,
        ActivationIdle,
        ApplicationRequested,
    }

    public static class GrainReminderExtensions
    {
        public static Task<Runtime.IGrainReminder> RegisterOrUpdateReminder(this Grain grain, string reminderName, TimeSpan dueTime, TimeSpan period) =>
            Task.FromResult<Runtime.IGrainReminder>(new Runtime.GrainReminder(reminderName));

        public static Task UnregisterReminder(this Grain grain, Runtime.IGrainReminder reminder) => Task.CompletedTask;

        public static Task<Runtime.IGrainReminder?> GetReminder(this Grain grain, string reminderName) =>
            Task.FromResult<Runtime.IGrainReminder?>(null);
    }

    public interface IRemindable : IGrain
    {
        Task ReceiveReminder(string reminderName, Runtime.TickStatus status);
    }

    [AttributeUsage(AttributeTargets.Class)]
    public sealed class GenerateSerializerAttribute : Attribute;

    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class IdAttribute(uint id) : Attribute
    {
        public uint Id { get; } = id;
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface)]
    public sealed class AliasAttribute(string alias) : Attribute
    {
        public string Alias { get; } = alias;
    }
}

namespace Orleans.Runtime
{
    public interface IGrainReminder
    {
        string ReminderName { get; }
    }

    internal sealed record GrainReminder(string ReminderName) : IGrainReminder;

    public readonly record struct TickStatus(DateTime FirstTickTime, TimeSpan Period, DateTime CurrentTickTime);

    public interface IPersistentState<TState>
    {
        TState State { get; set; }

        string? Etag { get; }

        bool RecordExists { get; }

        Task ReadStateAsync();

        Task WriteStateAsync();

        Task ClearStateAsync();
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
    {
        public string StateName { get; } = stateName;

        public string? StorageName { get; } = storageName;
    }
}

namespace Orleans.Storage
{
    /// <summary>Thrown when a grain writes state with an outdated ETag. The storage providers write the grain id and the ETags into the message (<c>Version conflict (WriteState): GrainType=… GrainId=… ETag=…</c>).</summary>
    public sealed class InconsistentStateException(string message, string storedEtag, string currentEtag) : Exception(message)
    {
        public string StoredEtag { get; } = storedEtag;

        public string CurrentEtag { get; } = currentEtag;
    }
}
