namespace PrivacyHoldout67.Energy;

/// <summary>
/// Registered on the tracer provider of every metering service: copies what the ingest code parked
/// on the activity onto the exported span, and the allow-listed baggage entries.
/// </summary>
public sealed class MeterSpanEnricher : BaseProcessor<Activity>
{
    private static readonly string[] AllowedBaggage = ["supply.region", "tariff.code", "channel"];

    public override void OnStart(Activity data)
    {
        foreach (var key in AllowedBaggage)
        {
            if (data.GetBaggageItem(key) is { } value)
            {
                data.SetTag("baggage." + key, value); // clean direct
            }
        }
    }

    public override void OnEnd(Activity data)
    {
        if (data.GetCustomProperty("meter.serial") is string serial)
        {
            data.SetTag("meter.model", serial[..3]); // clean precision-about
            data.SetTag("meter.serial", serial); // leak TC1001 cross-member
        }
    }
}

/// <summary>Copies every baggage entry onto the span; the support team added it for the switch API.</summary>
public sealed class BaggageToTagsProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        foreach (var (key, value) in data.Baggage)
        {
            data.SetTag(key, value); // leak TC1001 cross-member
        }
    }
}

public sealed record SwitchRequest(string AccountNumber, string Mpan, string MeterSerial, string HolderEmail, string FromTariff, string ToTariff, string Region);

/// <summary>A command for one meter; <c>RequestedBy</c> is the engineer's staff number or the calling service.</summary>
public sealed record HeadEndCommand(string MeterSerial, string CommandType, string RequestedBy, int Priority);

/// <summary>The head-end system refused a command; its message names the command id only.</summary>
public sealed class HeadEndRejectedException(string commandId, int status) : Exception($"Command {commandId} rejected with status {status}");

/// <summary>The tariff switch API: the edge where the account enters the trace.</summary>
public static class TariffSwitchEndpoints
{
    private static readonly ActivitySource Source = new("Supplier.Tariffs.Api");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/accounts/{accountNumber}/switch", SwitchAsync);

    private static async Task<ActionResult> SwitchAsync(string accountNumber, SwitchRequest request, HeadEndClient headEnd, Pseudonymizer pseudonymizer, ILogger<SwitchRequest> logger)
    {
        var activity = Activity.Current;
        activity?.SetBaggage("supply.region", request.Region); // clean direct
        activity?.SetBaggage("tariff.code", request.ToTariff);
        activity?.SetBaggage("account.number", accountNumber); // leak TC1001 direct
        if (activity is not null)
        {
            activity.TraceStateString = $"sup=region:{request.Region}"; // clean direct
            activity.DisplayName = $"POST /accounts/{{accountNumber}}/switch to {request.ToTariff}"; // clean strings
        }

        using var switchActivity = Source.StartActivity("tariff.switch");
        switchActivity?.SetTag("tariff.from", request.FromTariff);
        switchActivity?.SetTag(MeteringAttributes.HolderEmail, request.HolderEmail); // leak TC1001 generated-api
        switchActivity?.SetTag("holder.email.domain", request.HolderEmail.Split('@').Last()); // clean precision-about
        if (switchActivity is not null)
        {
            switchActivity.TraceStateString = $"sup=mpan:{request.Mpan}"; // leak TC1001 direct
        }
        logger.LogInformation("Switch {From} -> {To} for {Account}", request.FromTariff, request.ToTariff, pseudonymizer.ComputeMeteringMeterId(request.Mpan)); // clean precision-pseudonym

        await headEnd.SendAsync(new HeadEndCommand(request.MeterSerial, "TariffUpdate", "switch-api", 2), CancellationToken.None);
        return new OkResult(null);
    }
}

/// <summary>The field engineers' console: reboots and reads a meter on site.</summary>
public sealed class EngineerConsole(HeadEndClient headEnd)
{
    public Task RebootAsync(string meterSerial, string engineerStaffNumber, CancellationToken ct) =>
        headEnd.SendAsync(new HeadEndCommand(meterSerial, "Reboot", engineerStaffNumber, 1), ct);
}

/// <summary>Sends commands to the smart meter head-end, one client span per command.</summary>
public sealed class HeadEndClient(HttpClient http, ILogger<HeadEndClient> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Metering.HeadEnd");

    public async Task SendAsync(HeadEndCommand command, CancellationToken ct)
    {
        using var activity = StartCommand(command); // leak TC1001 cross-member
        logger.LogDebug("Sending {Command}", command); // leak TC1001 logging-objects
        var commandId = Guid.NewGuid().ToString("N");
        activity?.SetTag("headend.command.id", commandId);
        activity?.SetTag("headend.requested_by", command.RequestedBy); // leak TC1001 direct
        using var request = new HttpRequestMessage(HttpMethod.Post, $"meters/{command.MeterSerial}/commands/{command.CommandType}");
        try
        {
            using var response = await http.SendAsync(request, ct);
            if ((int)response.StatusCode >= 400)
            {
                throw new HeadEndRejectedException(commandId, (int)response.StatusCode);
            }
        }
        catch (HeadEndRejectedException ex)
        {
            activity?.RecordException(ex); // clean exceptions
            activity?.SetStatus(Status.Error.WithDescription(ex.Message)); // clean exceptions
            logger.LogWarning("Command to {Url} failed", request.RequestUri); // leak TC1001 strings
        }
    }

    // The operations dashboard groups commands by span name, so the name says what and to which meter.
    private static Activity? StartCommand(HeadEndCommand command)
    {
        var activity = Source.StartActivity(ActivityKind.Client);
        if (activity is not null)
        {
            activity.DisplayName = $"{command.CommandType} {command.MeterSerial}"; // leak TC1001 strings
            activity.SetTag("headend.command.type", command.CommandType);
            activity.SetTag("headend.priority", command.Priority);
        }
        return activity;
    }
}
