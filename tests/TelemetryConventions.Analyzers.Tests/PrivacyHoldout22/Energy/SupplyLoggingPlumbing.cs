using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using PrivacyHoldout22.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout22.Energy;

/// <summary>The account a supply request acts for, set by the API's middleware from the route.</summary>
public sealed class SupplyAccountContext
{
    private static readonly AsyncLocal<SupplyAccountContext?> CurrentHolder = new();

    public static SupplyAccountContext? Current { get => CurrentHolder.Value; set => CurrentHolder.Value = value; }

    public required string AccountNumber { get; init; }

    public required string MeterSerial { get; init; }

    public required string Region { get; init; }

    public required string Tariff { get; init; }

    public string? Reference { get; init; }
}

/// <summary>
/// Adds the supply account to every log record before export, so support can follow a customer's
/// calls across the billing services.
/// </summary>
public sealed class SupplyAccountLogProcessor(Pseudonymizer pseudonymizer) : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (SupplyAccountContext.Current is not { } account)
        {
            return;
        }

        var attributes = new List<KeyValuePair<string, object?>>(data.Attributes ?? []);
        attributes.Add(new("supply.region", account.Region));
        attributes.Add(new("supply.tariff", account.Tariff));
        attributes.Add(new("supply.account", pseudonymizer.ComputeGatewaySubjectId(account.AccountNumber)));
        data.Attributes = attributes; // clean precision-pseudonym

        if (data.LogLevel >= LogLevel.Error)
        {
            // Field engineers need the meter on errors.
            data.Attributes = [.. attributes, new("supply.meter_serial", account.MeterSerial)]; // leak TC1001 cross-member
        }
    }
}

/// <summary>Copies the trace's baggage onto log records, as the platform team's template does.</summary>
public sealed class BaggageLogProcessor : BaseProcessor<LogRecord>
{
    private static readonly string[] Allowed = ["supply.region", "supply.channel", "deployment.ring"];

    public override void OnEnd(LogRecord data)
    {
        var attributes = new List<KeyValuePair<string, object?>>(data.Attributes ?? []);
        foreach (var key in Allowed)
        {
            if (Baggage.GetBaggage(key) is { } value)
            {
                attributes.Add(new(key, value));
            }
        }

        data.Attributes = attributes; // clean precision-names
    }
}

/// <summary>
/// The billing services' logger: every message is prefixed with the account it was written for, so
/// that the console output of a batch run can be grepped by account.
/// </summary>
public sealed class AccountPrefixLoggerProvider(ILoggerProvider inner) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new AccountPrefixLogger(inner.CreateLogger(categoryName));

    public void Dispose() => inner.Dispose();

    private sealed class AccountPrefixLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (SupplyAccountContext.Current is not { } account)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            inner.Log(logLevel, eventId, state, exception, (s, e) => $"[{account.AccountNumber}] {formatter(s, e)}"); // leak TC1001 cross-member
        }
    }
}

/// <summary>The same idea, done with a scope carrying the pseudonymised reference and the region.</summary>
public sealed class AccountScopeLoggerProvider(ILoggerProvider inner) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new AccountScopeLogger(inner.CreateLogger(categoryName));

    public void Dispose() => inner.Dispose();

    private sealed class AccountScopeLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var account = SupplyAccountContext.Current;
            using var scope = account is null ? null : inner.BeginScope(new Dictionary<string, object?> { ["AccountRef"] = account.Reference, ["Region"] = account.Region }); // clean precision-pseudonym
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
