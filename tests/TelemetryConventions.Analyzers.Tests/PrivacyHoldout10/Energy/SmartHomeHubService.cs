using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout10.Support;
using PrivacyHoldout10.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout10.Energy;

public sealed record HubRegistration(Guid HubId, string HouseholdAccount, string OwnerEmail, string OwnerPhone, string FirmwareVersion, string Model);

public static class HubActivityExtensions
{
    public static Activity? WithHousehold(this Activity? activity, string household) =>
        activity?.SetTag("hub.household", household);

    public static Activity? WithFirmware(this Activity? activity, string firmware) =>
        activity?.SetTag("hub.firmware", firmware);
}

/// <summary>One instance per hub connection: the hub announces itself once, then streams device events.</summary>
public sealed class SmartHomeHubSession
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Energy.SmartHome");
    private static readonly Meter Meter = new("PrivacyHoldout10.Energy.SmartHome");
    private static readonly Counter<long> Events = Meter.CreateCounter<long>("hub.device.events");

    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<SmartHomeHubSession> _logger;
    private HubRegistration? _registration;
    private string _householdAccount = string.Empty;
    private Pseudonym _householdRef;
    private string _ownerContact = string.Empty;
    private readonly string _hubModel = "hearth-hub-2";

    public SmartHomeHubSession(Pseudonymizer pseudonymizer, ILogger<SmartHomeHubSession> logger)
    {
        _pseudonymizer = pseudonymizer;
        _logger = logger;
    }

    public void OnAnnounce(HubRegistration registration)
    {
        _registration = registration;
        _householdAccount = registration.HouseholdAccount;
        _householdRef = _pseudonymizer.Pseudonymize("household", registration.HouseholdAccount);
        _ownerContact = registration.OwnerEmail;

        using var activity = Source.StartActivity("hub.announce");
        activity.WithFirmware(registration.FirmwareVersion); // clean precision-names
        activity.WithHousehold(registration.HouseholdAccount); // leak TC1001 cross-member
        activity.WithHousehold(_householdRef.Value); // clean precision-pseudonym
        activity?.SetTag("device.owner.contact", _pseudonymizer.Pseudonymize("contact", registration.OwnerEmail).Value); // leak TC1001 precision-pseudonym
        activity?.SetTag("hub.owner.phone.country", registration.OwnerPhone.StartsWith("+44", StringComparison.Ordinal) ? "gb" : "other"); // clean precision-about
    }

    public Task OnDeviceEventAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        var kind = Encoding.ASCII.GetString(message.PayloadSegment.AsSpan(0, 4));
        using var activity = Source.StartActivity("hub.device.event");
        activity?.SetTag("hub.event.kind", kind);
        activity?.SetTag("hub.model", _hubModel); // clean precision-names
        activity?.SetTag("hub.household", _householdAccount); // leak TC1001 cross-member
        activity?.SetTag("hub.household.ref", _householdRef.Value); // clean precision-pseudonym
        Events.Add(1, new KeyValuePair<string, object?>("hub.event.kind", kind));
        Events.Add(1, new KeyValuePair<string, object?>("hub.household", _householdRef.Value)); // leak TC1003 precision-pseudonym

        if (kind == "SMOK")
        {
            _logger.LogCritical("Smoke alarm; calling {Contact}", _ownerContact); // leak TC1001 cross-member
            _logger.LogCritical("Smoke alarm at a {Model} hub", _registration?.Model); // clean precision-names
        }

        return Task.CompletedTask;
    }

    public void OnDisconnect(string reason)
    {
        using var activity = Source.StartActivity("hub.disconnect");
        activity?.SetTag("hub.disconnect.reason", reason);
        activity?.SetStatus(ActivityStatusCode.Error, $"hub of {_registration?.OwnerPhone} dropped: {reason}"); // leak TC1001 cross-member
        _logger.LogInformation("Hub {Registration} disconnected", _registration); // leak TC1001 logging-objects
    }
}
