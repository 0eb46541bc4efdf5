using System;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout42.Support.Aws;
using PrivacyHoldout42.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout42.Energy;

public sealed record WifiState(string Ssid, string Bssid, int Rssi, int Channel);

/// <summary>The state a thermostat reports into its "climate" shadow.</summary>
public sealed record ThermostatReported(double Temperature, double Setpoint, string Mode, int Humidity, WifiState Wifi, string Firmware);

public sealed record ShadowState(ThermostatReported? Reported);

public sealed record ShadowDocument(ShadowState State, long Version, long Timestamp);

/// <summary>Reads and writes the named shadow of a household's smart thermostat; the thing name is the thermostat's serial.</summary>
public sealed class ThermostatShadowSync(
    IAmazonIotData iot,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<ThermostatShadowSync> logger)
{
    private const string ShadowName = "climate";
    private const string UpdateTopicTemplate = "$aws/things/{thing}/shadow/name/climate/update";

    public async Task<ThermostatReported?> RefreshAsync(string thermostatSerial, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("thermostat.shadow.refresh", ActivityKind.Client);
        activity?.SetTag("aws.iot.thing", thermostatSerial); // leak TC1001 direct
        activity?.SetTag("aws.iot.shadow", ShadowName); // clean precision-names

        GetThingShadowResponse response;
        try
        {
            response = await iot.GetThingShadowAsync(new GetThingShadowRequest { ThingName = thermostatSerial, ShadowName = ShadowName }, cancellationToken);
        }
        catch (ResourceNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return null;
        }
        catch (ThrottlingException ex)
        {
            logger.LogWarning(ex, "Shadow read throttled"); // clean exceptions
            return null;
        }

        var document = JsonSerializer.Deserialize<ShadowDocument>(response.Payload)!;
        activity?.SetTag("aws.iot.shadow.version", document.Version); // clean precision-about
        if (document.State.Reported is not { } reported)
        {
            return null;
        }

        activity?.SetTag("thermostat.mode", reported.Mode); // clean precision-about
        activity?.SetTag("thermostat.setpoint", reported.Setpoint); // clean precision-about
        activity?.SetTag("thermostat.wifi.rssi", reported.Wifi.Rssi); // clean precision-about
        logger.LogDebug("Thermostat joined {Ssid} on channel {Channel}", reported.Wifi.Ssid, reported.Wifi.Channel); // leak TC1001 direct
        logger.LogDebug("Reported climate state {Reported}", reported); // leak TC1001 logging-objects
        return reported;
    }

    public async Task SetSetpointAsync(string thermostatSerial, string model, double setpoint, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichIotCommand(model).SetIotCommandName("setpoint"); // clean generated-api
        span.SetIotDeviceRef(pseudonymizer.PseudonymizeIotDeviceRef(thermostatSerial)); // clean precision-pseudonym

        var topic = $"$aws/things/{thermostatSerial}/shadow/name/{ShadowName}/update";
        var payload = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { state = new { desired = new { setpoint } } }));
        try
        {
            await iot.PublishAsync(topic, payload, cancellationToken);
            logger.LogInformation("Setpoint {Setpoint} published to {TopicTemplate}", setpoint, UpdateTopicTemplate); // clean strings
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Setpoint publish to {Topic} failed", topic); // leak TC1001 strings
            throw;
        }
    }
}
