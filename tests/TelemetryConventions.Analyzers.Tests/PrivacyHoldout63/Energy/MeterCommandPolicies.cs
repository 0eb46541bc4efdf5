using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Energy;

public sealed record MeterCommand(string AccountNumber, string Mpan, string MeterSerial, MeterlinkCommand Kind, string ServiceRequest);

/// <summary>The DCC adapter's "device busy" response; the adapter's text names the device.</summary>
public sealed class DccDeviceBusyException(string meterSerial, string serviceRequest)
    : Exception($"Device {meterSerial} busy processing {serviceRequest}")
{
    public string MeterSerial { get; } = meterSerial;
}

/// <summary>The adapter itself is down: names its status code only.</summary>
public sealed class DccAdapterUnavailableException(int statusCode) : Exception($"DCC adapter returned {statusCode}")
{
    public int StatusCode { get; } = statusCode;
}

public interface IDccGateway
{
    Task SendAsync(MeterCommand command, CancellationToken cancellationToken);
}

/// <summary>Polly v7 policies around the DCC adapter, older than the v8 pipelines of the read scheduler.</summary>
public sealed class MeterCommandPolicies
{
    public MeterCommandPolicies(ILogger<MeterCommandPolicies> logger)
    {
        var retry = Policy
            .Handle<DccDeviceBusyException>()
            .Or<DccAdapterUnavailableException>()
            .WaitAndRetryAsync(
                5,
                attempt => TimeSpan.FromSeconds(attempt * 3),
                (exception, delay, attempt, context) =>
                {
                    logger.LogWarning("{ServiceRequest} retry {Attempt} in {Delay}", context["sr"], attempt, delay); // clean precision-about
                    logger.LogWarning("Retrying command for MPAN {Mpan}", context["mpan"]); // leak TC1001 cross-member
                    logger.LogDebug("Retry reason: {Reason}", exception.Message); // leak TC1001 exceptions
                    logger.LogDebug("Retry for account {AccountRef} in {PolicyKey}", context["account_ref"], context.PolicyKey); // clean precision-pseudonym
                });

        Breaker = Policy
            .Handle<DccAdapterUnavailableException>()
            .CircuitBreakerAsync(
                3,
                TimeSpan.FromMinutes(1),
                onBreak: (exception, breakDelay, context) =>
                {
                    logger.LogMeterlinkBreakerOpenedEvent(MeterlinkBreakerState.Open, context["sr"] as string, meterlinkNote: $"{exception.GetType().Name}: {exception.Message}"); // clean exceptions
                    Activity.Current?.SetTag("meterlink.breaker.break_seconds", breakDelay.TotalSeconds); // clean precision-about
                    logger.LogWarning("Breaker opened during a command for meter {MeterSerial}", context["serial"]); // leak TC1001 cross-member
                    Activity.Current?.AddEvent(new ActivityEvent($"breaker opened on {context["sr"]} for MPAN {context["mpan"]}")); // leak TC1001 strings
                },
                onReset: context => logger.LogInformation("Gateway breaker reset by {Operation}", context.OperationKey), // clean precision-about
                onHalfOpen: () => logger.LogInformation("Gateway breaker half-open"));

        Wrapped = Policy.WrapAsync(retry, Breaker);
    }

    public AsyncCircuitBreakerPolicy Breaker { get; }

    public AsyncPolicy Wrapped { get; }
}

public sealed class MeterCommandClient(
    IDccGateway gateway,
    MeterCommandPolicies policies,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<MeterCommandClient> logger)
{
    public async Task SendAsync(MeterCommand command, CancellationToken cancellationToken)
    {
        var context = new Context($"{command.Kind.ToWireValue()}:{command.ServiceRequest}", new Dictionary<string, object>
        {
            ["mpan"] = command.Mpan,
            ["serial"] = command.MeterSerial,
            ["sr"] = command.ServiceRequest,
            ["account_ref"] = pseudonymizer.ComputeMeterlinkAccountId(command.AccountNumber),
        });

        using var span = source.StartMeterlinkCommand(command.Kind).SetMeterlinkAccountId(pseudonymizer.PseudonymizeMeterlinkAccountId(command.AccountNumber)).SetMeterlinkQueue(command.ServiceRequest); // clean generated-api
        span.SetMeterlinkBreakerState(policies.Breaker.CircuitState == CircuitState.Closed ? MeterlinkBreakerState.Closed : MeterlinkBreakerState.Open); // clean precision-about
        Activity.Current?.SetTag(MeterlinkAttributes.MeterSerial, pseudonymizer.ComputeMeterlinkAccountId(command.MeterSerial)); // leak TC1001 precision-pseudonym
        try
        {
            await policies.Wrapped.ExecuteAsync(_ => gateway.SendAsync(command, cancellationToken), context);
        }
        catch (BrokenCircuitException ex)
        {
            span.SetMeterlinkBreakerState(MeterlinkBreakerState.Open).SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            meter.CreateMeterlinkCommandsFailedCounter().Add(1, command.Kind, command.ServiceRequest);
        }
        catch (DccDeviceBusyException ex)
        {
            span.SetMeterlinkNote($"busy after retries; model {ex.MeterSerial[..3]}"); // clean generated-api
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            meter.CreateMeterlinkCommandsFailedCounter().Add(1, command.Kind, command.ServiceRequest); // clean precision-about
            logger.LogError("Command {ServiceRequest} for meter {MeterSerial} abandoned", command.ServiceRequest, command.MeterSerial); // leak TC1001 direct
        }
    }

    /// <summary>Gas valve commands have no member in the conventions yet; the service request code stands in.</summary>
    public async Task SendValveAsync(MeterCommand command, CancellationToken cancellationToken)
    {
        using var span = source.StartMeterlinkCommand(MeterlinkCommandValue.Custom($"valve:{command.ServiceRequest}")); // clean generated-api
        span.SetMeterlinkNote($"valve command for {command.Mpan}"); // leak TC1001 generated-api
        try
        {
            await policies.Wrapped.ExecuteAsync(_ => gateway.SendAsync(command, cancellationToken), new Context($"valve:{command.ServiceRequest}"));
        }
        catch (BrokenCircuitException)
        {
            meter.CreateMeterlinkCommandsFailedCounter().Add(1, MeterlinkCommandValue.Custom("valve"), command.Mpan); // leak TC1003 generated-api
        }
    }
}
