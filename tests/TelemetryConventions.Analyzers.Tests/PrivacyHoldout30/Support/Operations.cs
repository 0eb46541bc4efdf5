using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout30.Support.Operations;

// Stores and services the back-office tooling talks to. None of them is telemetry.

/// <summary>A distributed cache (IDistributedCache reduced to strings).</summary>
public interface ICacheStore
{
    Task<string?> GetStringAsync(string key, CancellationToken cancellationToken = default);

    Task SetStringAsync(string key, string value, CancellationToken cancellationToken = default);

    Task RemoveAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>The audit table operators' actions are written to.</summary>
public interface IAuditStore
{
    Task WriteAsync(OperatorAuditRecord record, CancellationToken cancellationToken = default);
}

public sealed record OperatorAuditRecord(string Action, string OperatorUpn, string Subject, string? Ticket, string? Detail, DateTimeOffset At);

/// <summary>A thin Dapper-style database runner.</summary>
public interface ISqlRunner
{
    Task<int> ExecuteAsync(string sql, object? parameters = null, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default);
}

/// <summary>The feature-flag store operators flip toggles in.</summary>
public interface IFlagStore
{
    Task<FlagState?> GetAsync(string flagKey, CancellationToken cancellationToken = default);

    Task SetEnabledAsync(string flagKey, bool enabled, CancellationToken cancellationToken = default);

    Task AddTargetsAsync(string flagKey, IEnumerable<string> targetingKeys, CancellationToken cancellationToken = default);
}

public sealed record FlagState(string Key, bool Enabled, IReadOnlyList<string> Targets, DateTimeOffset UpdatedAt);

/// <summary>Configuration as the host exposes it (IConfiguration reduced).</summary>
public interface IAppConfiguration
{
    string? this[string key] { get; }

    IEnumerable<KeyValuePair<string, string?>> AsEnumerable();
}

/// <summary>Migration bookkeeping.</summary>
public interface IMigrationHistory
{
    Task<IReadOnlyList<string>> AppliedAsync(CancellationToken cancellationToken = default);

    Task MarkAppliedAsync(string migrationId, CancellationToken cancellationToken = default);
}

public sealed class ChangeTicketRequiredException(string message) : Exception(message);
