using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyHoldout22.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout22.Energy;

public static class MeterHubOptions
{
    public static readonly HttpRequestOptionsKey<string> Operation = new("hub.operation");
    public static readonly HttpRequestOptionsKey<string> MeterSerial = new("hub.meter");
}

/// <summary>The client of the smart-meter communications hub. Its paths carry the meter serial.</summary>
public sealed class MeterHubClient(HttpClient http)
{
    public Task<HttpResponseMessage> ReadProfileAsync(string meterSerial, DateOnly day, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"meters/{meterSerial}/profile?day={day:yyyy-MM-dd}");
        request.Options.Set(MeterHubOptions.Operation, "read-profile");
        request.Options.Set(MeterHubOptions.MeterSerial, meterSerial);
        return http.SendAsync(request, ct);
    }

    public Task<HttpResponseMessage> PushTariffAsync(string meterSerial, string tariffCode, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"meters/{meterSerial}/tariff/{tariffCode}");
        request.Options.Set(MeterHubOptions.Operation, "push-tariff");
        request.Options.Set(MeterHubOptions.MeterSerial, meterSerial);
        return http.SendAsync(request, ct);
    }
}

/// <summary>Logs, tags and counts every call of <see cref="MeterHubClient"/>.</summary>
public sealed class MeterHubTelemetryHandler(ILogger<MeterHubTelemetryHandler> logger, Meter meter, Pseudonymizer pseudonymizer) : DelegatingHandler
{
    private readonly Counter<long> _calls = meter.CreateCounter<long>("hub.calls", "{call}");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(MeterHubOptions.Operation, out var operation);
        request.Options.TryGetValue(MeterHubOptions.MeterSerial, out var meterSerial);
        var activity = Activity.Current;
        activity?.SetTag("hub.operation", operation); // clean precision-names
        activity?.SetTag("hub.meter_model", meterSerial?[..3]); // clean precision-about
        activity?.SetTag("hub.meter", meterSerial); // leak TC1001 direct
        if (meterSerial is not null)
        {
            activity?.SetTag("hub.meter_ref", pseudonymizer.ComputeGatewaySubjectId(meterSerial)); // clean precision-pseudonym
        }

        var started = Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        logger.LogInformation("Hub {Method} {Path} -> {Status}", request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode); // leak TC1001 strings
        logger.LogInformation("Hub {Operation} -> {Status} in {ElapsedMs} ms", operation, (int)response.StatusCode, elapsed.TotalMilliseconds); // clean precision-names

        _calls.Add(1, new("hub.operation", operation), new("http.response.status_code", (int)response.StatusCode)); // clean precision-names
        meter.CreateGatewayRequestsCounter().Add(1, gatewayRoute: request.RequestUri?.AbsolutePath, gatewayTenant: "dcc"); // leak TC1003 generated-api
        meter.CreateGatewayDownstreamDurationHistogram().Record(elapsed.TotalSeconds, "meter-hub", gatewayRoute: operation); // clean generated-api
        return response;
    }
}

/// <summary>Sets <see cref="SupplyAccountContext"/> for the account routes of the supply API.</summary>
public sealed class SupplyAccountMiddleware(ISupplyDirectory directory, Pseudonymizer pseudonymizer, ILogger<SupplyAccountMiddleware> logger) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetRouteValue("accountNumber") is not string accountNumber)
        {
            await next(context);
            return;
        }

        var supply = await directory.FindAsync(accountNumber, context.RequestAborted);
        if (supply is null)
        {
            logger.LogWarning("No supply point for account {AccountNumber}", accountNumber); // leak TC1001 direct
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        SupplyAccountContext.Current = new SupplyAccountContext
        {
            AccountNumber = accountNumber,
            MeterSerial = supply.MeterSerial,
            Region = supply.Region,
            Tariff = supply.Tariff,
            Reference = pseudonymizer.ComputeGatewaySubjectId(accountNumber),
        };
        logger.LogDebug("Supply context set for region {Region} on tariff {Tariff}", supply.Region, supply.Tariff); // clean precision-about
        await next(context);
    }
}

public sealed record SupplyPoint(string MeterSerial, string Region, string Tariff);

public interface ISupplyDirectory
{
    Task<SupplyPoint?> FindAsync(string accountNumber, CancellationToken ct);
}
