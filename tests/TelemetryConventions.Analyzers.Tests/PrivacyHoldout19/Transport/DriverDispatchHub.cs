using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Transport;

/// <summary>
/// Control room to cab: controllers message a route's drivers or one driver. Connections of drivers
/// are identified by their staff number (the hub's <c>IUserIdProvider</c> reads the staff claim).
/// </summary>
[Authorize(Roles = "controller,driver")]
public sealed class DriverDispatchHub(IDutyRoster roster, ILogger<DriverDispatchHub> logger, Pseudonymizer pseudonymizer) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var depot = Context.User?.FindFirst("depot")?.Value ?? "central";
        await Groups.AddToGroupAsync(Context.ConnectionId, $"depot-{depot}");
        if (Context.User?.IsInRole("driver") == true && await roster.RouteOfAsync(Context.UserIdentifier!, Context.ConnectionAborted) is { } route)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, $"route-{route}");
            logger.LogInformation("Cab connection {ConnectionId} on route {RouteId} at depot {Depot}", Context.ConnectionId, route, depot); // clean precision-names
        }
    }

    public async Task MessageRoute(DispatchMessage message)
    {
        await Clients.Group($"route-{message.RouteId}").SendAsync("dispatch", message.Body, message.Urgent);
        using var span = TransitTelemetry.Source.StartRealtimeInvocation("dispatch").SetRealtimeMethod(nameof(MessageRoute)).SetRealtimeChannel($"route-{message.RouteId}").SetRealtimeMessageLength(message.Body.Length); // clean generated-api
        logger.LogInformation("Dispatch to route {RouteId} (urgent {Urgent}): {Body}", message.RouteId, message.Urgent, message.Body); // leak TC1001 direct
    }

    public async Task MessageDriver(string staffNumber, string body)
    {
        if (!await roster.IsOnDutyAsync(staffNumber, Context.ConnectionAborted))
        {
            throw new HubException($"Driver {staffNumber} is not on duty."); // leak TC1001 exceptions
        }

        await Clients.User(staffNumber).SendAsync("dispatch", body, false);
        var controller = Context.User?.FindFirst(ClaimTypes.Name)?.Value;
        logger.LogInformation("Controller {Controller} messaged a driver", controller); // leak TC1001 direct
        logger.LogInformation("Direct dispatch to driver {DriverRef}", pseudonymizer.ComputeRealtimeParticipantId(staffNumber)); // clean precision-pseudonym
        TransitTelemetry.Meter.CreateRealtimeMessagesCounter().Add(1, "dispatch", $"driver-{pseudonymizer.ComputeRealtimeParticipantId(staffNumber)}"); // leak TC1003 precision-pseudonym
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.User?.IsInRole("driver") == true)
        {
            logger.LogInformation("Driver {StaffNumber} went offline", Context.UserIdentifier); // leak TC1001 direct
        }

        return Task.CompletedTask;
    }

    public Task Acknowledge(string dispatchId)
    {
        Activity.Current?.SetTag("dispatch.id", dispatchId); // clean precision-names
        Activity.Current?.SetTag("dispatch.acknowledged_by", Context.UserIdentifier); // leak TC1001 direct
        return Clients.Group("control-room").SendAsync("acknowledged", dispatchId);
    }
}
