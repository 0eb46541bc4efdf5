using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout55.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout55.Energy;

public sealed record SwitchRequest(string AccountNumber, string ContactEmail, string FromTariff, string ToTariff, string Region, bool Vulnerable);

public sealed class SwitchTelemetryOptions
{
    /// <summary>Adds the account holder's details to the switch span for the support desk's investigations.</summary>
    public bool IncludeAccountDetails { get; set; }
}

public sealed class TariffNotAvailableException(string accountNumber, string tariff)
    : Exception($"Tariff {tariff} is not available to account {accountNumber}")
{
    public string Tariff { get; } = tariff;
}

public interface ITariffEngine
{
    Task SwitchAsync(SwitchRequest request);
}

/// <summary>The billing team's telemetry facade for tariff switches, registered per service.</summary>
public sealed class SwitchTelemetry(ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, IOptions<SwitchTelemetryOptions> options, ILogger<SwitchTelemetry> logger)
{
    public SupplyTariffSwitchSpan Start(SwitchRequest request)
    {
        var account = pseudonymizer.PseudonymizeSupplyAccountId(request.AccountNumber);
        var span = source.StartSupplyTariffSwitch(account, request.ToTariff); // clean precision-pseudonym
        span.SetSupplyRegion(request.Region);
        if (options.Value.IncludeAccountDetails)
        {
            span.Activity?.SetTag(SupplyAttributes.CustomerContact, request.ContactEmail); // leak TC1001 generated-api
            span.SetSupplyNote($"acct {request.AccountNumber} from {request.FromTariff}"); // leak TC1001 strings
        }
        span.SetSupplyNote($"from {request.FromTariff}, vulnerable={request.Vulnerable}"); // clean precision-about
        return span;
    }

    public void Completed(SwitchRequest request, TimeSpan elapsed)
    {
        var account = pseudonymizer.PseudonymizeSupplyAccountId(request.AccountNumber);
        logger.LogSupplyTariffSwitchedEvent(request.ToTariff, account, request.Region); // clean precision-pseudonym
        meter.CreateSupplySwitchDurationHistogram().Record(elapsed.TotalSeconds, request.ToTariff, request.Region);
        meter.CreateSupplySwitchDurationHistogram().Record(elapsed.TotalSeconds, request.ToTariff, supplyRegion: account.Value); // leak TC1003 precision-pseudonym
        logger.LogInformation("Switched {AccountRef} to {Tariff} (account {AccountNumber})", account.Value, request.ToTariff, request.AccountNumber); // leak TC1001 precision-pseudonym
    }

    public void Failed(SupplyTariffSwitchSpan span, SwitchRequest request, Exception exception)
    {
        span.RecordException(exception); // clean exceptions
        span.SetStatus(ActivityStatusCode.Error, exception.GetType().Name); // clean exceptions
        logger.LogWarning(exception, "Switch to {Tariff} failed", request.ToTariff); // leak TC1001 exceptions
        if (exception is TariffNotAvailableException unavailable)
        {
            logger.LogSupplyTariffSwitchedEvent(unavailable.Tariff, supplyNote: "not-available"); // clean exceptions
        }
    }
}

public sealed class TariffSwitchService(ITariffEngine engine, SwitchTelemetry telemetry, ILogger<TariffSwitchService> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _inFlight = new();

    public async Task SwitchAsync(SwitchRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = telemetry.Start(request); // leak TC1001 cross-member
        span.SetSupplyNote($"{request.FromTariff}->{request.ToTariff}"); // clean strings
        if (!_inFlight.TryAdd(request.AccountNumber, DateTimeOffset.UtcNow))
        {
            logger.LogWarning("Switch already running for " + request.AccountNumber + ", to " + request.ToTariff); // leak TC1001 strings
            return;
        }
        try
        {
            await engine.SwitchAsync(request);
            telemetry.Completed(request, Stopwatch.GetElapsedTime(started)); // leak TC1001 cross-member
        }
        catch (TariffNotAvailableException ex)
        {
            telemetry.Failed(span, request, ex); // leak TC1001 cross-member
            logger.LogInformation("Switches in flight: {InFlight}", _inFlight); // leak TC1001 logging-objects
            logger.LogInformation("Switches in flight: {Count}", _inFlight.Count); // clean precision-about
        }
        finally
        {
            _inFlight.TryRemove(request.AccountNumber, out _);
        }
    }
}

public static class SwitchServiceRegistration
{
    public static IServiceCollection AddTariffSwitching(this IServiceCollection services, SwitchTelemetryOptions options)
    {
        services.AddSingleton(Options.Create(options));
        services.AddSingleton<SwitchTelemetry>();
        services.AddSingleton<TariffSwitchService>();
        return services;
    }
}
