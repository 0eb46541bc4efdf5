using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Security.Claims;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Energy;

public sealed record CallbackRequest(string AccountNumber, string ContactPhone, string Postcode, bool PriorityServices);

public sealed record CallbackBooked(string CallbackId, DateTimeOffset Slot);

public static partial class OutageCallbackLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Callback requested {Request}")]
    public static partial void CallbackRequested(ILogger logger, CallbackRequest request);

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {CallbackId} booked for {Slot}")]
    public static partial void CallbackBooked(ILogger logger, string callbackId, DateTimeOffset slot);
}

public static class OutageCallbackEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/outages/{feederId}/callbacks", async ([FromRoute] string feederId, [FromBody] CallbackRequest request, HttpContext http, ILogger<CallbackRequest> logger, Pseudonymizer pseudonymizer, CancellationToken ct) =>
        {
            OutageCallbackLog.CallbackRequested(logger, request); // leak TC1001 logging-objects
            Activity.Current?.SetTag("outage.feeder", feederId); // clean direct
            Activity.Current?.SetTag("outage.priority_services", request.PriorityServices); // clean precision-about

            var agent = http.User.FindFirstValue(ClaimTypes.Upn) ?? http.User.Identity?.Name;
            logger.LogInformation("Callback taken by {Agent} for feeder {Feeder}", agent, feederId); // leak TC1001 direct

            var booked = new CallbackBooked(Guid.NewGuid().ToString("N")[..10], DateTimeOffset.UtcNow.AddHours(2));
            OutageCallbackLog.CallbackBooked(logger, booked.CallbackId, booked.Slot); // clean logging-objects
            logger.LogInformation("Callback {@Details}", new { booked.CallbackId, request.ContactPhone, Outward = request.Postcode.Split(' ')[0] }); // leak TC1001 logging-objects
            logger.LogInformation("Callback {@Details}", new { booked.CallbackId, Outward = request.Postcode.Split(' ')[0] }); // clean logging-objects

            var smsBody = string.Create(CultureInfo.InvariantCulture, $"SMS to {request.ContactPhone}: engineer slot {booked.Slot:t}");
            Activity.Current?.AddEvent(new ActivityEvent("sms.queued", tags: new ActivityTagsCollection { ["sms.body"] = smsBody })); // leak TC1001 strings

            using var span = new ActivitySource("Energy.Outages").StartSupplySwitch(pseudonymizer.PseudonymizeSupplyCustomerId(request.AccountNumber));
            span.SetSupplyNote($"callback for account {request.AccountNumber}"); // leak TC1001 generated-api
            await Task.Yield();
            return Results.Accepted(booked);
        });
    }
}
