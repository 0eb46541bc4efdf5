using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using PrivacyHoldout25.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout25.Transport;

public interface IVehicleFeed
{
    IAsyncEnumerable<VehiclePosition> ForRouteAsync(string routeId, CancellationToken cancellationToken);
}

/// <summary>The fleet service: live bus positions for the app (JSON transcoding) and the drivers' console stream.</summary>
public sealed class FleetService(IVehicleFeed vehicles, ILogger<FleetService> logger, Pseudonymizer pseudonymizer, Meter meter) : Fleet.FleetBase
{
    private static readonly ActivitySource Source = new("Transit.Fleet");

    public override async Task RouteVehicles(RouteVehiclesRequest request, IServerStreamWriter<VehiclePosition> responseStream, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        Activity.Current?.SetTag("transit.route", http.Request.RouteValues["route_id"]); // clean direct
        logger.LogInformation("{HttpMethod} {Path}", http.Request.Method, http.Request.Path); // clean strings

        await foreach (var position in vehicles.ForRouteAsync(request.RouteId, context.CancellationToken))
        {
            await responseStream.WriteAsync(position);
            if (position.DelaySeconds > 300)
            {
                logger.LogInformation("Bus {VehicleId} ({Plate}) late by {Delay} s", position.VehicleId, position.FleetPlate, position.DelaySeconds); // clean direct
                logger.LogDebug("Late bus {VehicleId} driven by {Driver}", position.VehicleId, position.DriverStaffNumber); // leak TC1001 direct
            }
        }
    }

    public override async Task DriverConsole(IAsyncStreamReader<DriverMessage> requestStream, IServerStreamWriter<ControlMessage> responseStream, ServerCallContext context)
    {
        using var session = Source.StartGrpcStreamSession("driver-console");
        string? staffNumber = null;
        var messages = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var message = requestStream.Current;
            messages++;
            staffNumber ??= message.DriverStaffNumber;
            switch (message.BodyCase)
            {
                case DriverMessage.BodyOneofCase.Text:
                    logger.LogInformation("Message from bus {VehicleId}: {Text}", message.VehicleId, message.Text); // leak TC1001 direct
                    Activity.Current?.AddEvent(new ActivityEvent("driver.message", tags: new ActivityTagsCollection { { "transit.message.length", message.Text.Length } })); // clean precision-about
                    break;
                case DriverMessage.BodyOneofCase.IncidentCode:
                    logger.LogWarning("Incident {Code} on bus {VehicleId}", message.IncidentCode, message.VehicleId); // clean direct
                    await responseStream.WriteAsync(new ControlMessage { Text = "Control has your incident report." });
                    break;
            }
        }

        if (staffNumber is not null)
        {
            session.SetGrpcStreamParticipantId(pseudonymizer.PseudonymizeGrpcStreamParticipantId(staffNumber)); // clean precision-pseudonym
            meter.CreateGrpcStreamMessagesCounter().Add(messages, "driver-console", grpcStreamChannel: $"driver-{staffNumber}"); // leak TC1003 generated-api
            session.SetGrpcStreamCloseReason($"driver {staffNumber} signed off"); // leak TC1001 generated-api
        }
    }
}
