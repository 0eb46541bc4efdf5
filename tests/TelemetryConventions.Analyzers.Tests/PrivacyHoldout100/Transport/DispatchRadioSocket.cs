namespace PrivacyHoldout100.Transport;

/// <summary>A message from a driver's cab terminal to the control room.</summary>
public sealed record CabMessage(string VehicleId, string DriverStaffNumber, string DriverName, string Code, string? FreeText);

/// <summary>
/// The control room's link to the buses' cab terminals: each terminal holds a WebSocket; drivers send canned
/// codes (running late, incident, medical) and free text; the controller answers over the same socket.
/// </summary>
public sealed class DispatchRadioSocket(ILogger<DispatchRadioSocket> logger, Pseudonymizer pseudonymizer)
{
    private static readonly Meter Meter = new("Transit.Dispatch");
    private static readonly Counter<long> Codes = Meter.CreateCounter<long>("dispatch.codes");

    public void Received(CabMessage message, string routeId)
    {
        Codes.Add(1, new KeyValuePair<string, object?>("code", message.Code), new KeyValuePair<string, object?>("route", routeId)); // clean precision-about
        Codes.Add(1, new KeyValuePair<string, object?>("driver", message.DriverStaffNumber)); // leak TC1003 direct
        logger.LogInformation("Cab message {Message}", message); // leak TC1001 logging-objects
        logger.LogInformation("Cab {Vehicle} on {Route} sent {Code}", message.VehicleId, routeId, message.Code); // clean cross-member
        logger.LogInformation("{Driver} says: {Text}", message.DriverName, message.FreeText); // leak TC1001 strings
        Activity.Current?.SetTag("dispatch.code.text", $"{message.Code} on {routeId} by vehicle {message.VehicleId}"); // clean strings
        Activity.Current?.SetTag("dispatch.driver", pseudonymizer.ComputeFleetliveDriverId(message.DriverStaffNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("dispatch.free_text.present", message.FreeText is not null); // clean precision-about
    }

    public void Closed(string vehicleId, WebSocketCloseStatus? status, string? description)
    {
        logger.LogWarning("Cab terminal {Vehicle} closed: {Status} {Description}", vehicleId, status, description); // clean precision-names
    }
}
