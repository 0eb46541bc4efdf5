using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CommunityToolkit.Mvvm.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.Devices;
using Microsoft.Maui.Networking;
using Microsoft.Maui.Storage;
using PrivacyHoldout26.Telemetry;
using Sentry;
using ZXing.Net.Maui;

namespace PrivacyHoldout26.Transport;

/// <summary>The revenue inspector on shift, signed in to an operator-owned handheld.</summary>
public sealed record InspectorShift(string InspectorStaffNumber, string Depot, string ShiftId);

/// <summary>A mobile ticket's QR payload: <c>TKT|ref|passenger name|card number|valid from|valid to</c>.</summary>
public sealed record TicketPayload(string TicketRef, string PassengerName, string CardNumber, DateOnly ValidFrom, DateOnly ValidTo)
{
    public static TicketPayload Parse(string raw)
    {
        var parts = raw.Split('|');
        return new TicketPayload(
            parts[1],
            parts[2],
            parts[3],
            DateOnly.ParseExact(parts[4], "yyyyMMdd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(parts[5], "yyyyMMdd", CultureInfo.InvariantCulture));
    }
}

/// <summary>An inspection kept on the handheld while underground, sent when the handheld has signal.</summary>
public sealed record InspectionRecord(string TicketRef, string CardNumber, string Outcome, DateTimeOffset At);

/// <summary>The ticket inspection screen of the inspectors' handhelds (MAUI, devices the operator owns).</summary>
public sealed class InspectorScanViewModel : ObservableObject
{
    private const string QueueKey = "inspections.pending";
    private static readonly ActivitySource Source = new("Metro.Inspection");

    private readonly ILogger<InspectorScanViewModel> _logger;
    private readonly IDeviceInfo _handheld;
    private readonly IPreferences _preferences;
    private readonly IConnectivity _connectivity;
    private readonly InspectorShift _shift;
    private readonly Counter<long> _inspections;

    public InspectorScanViewModel(ILogger<InspectorScanViewModel> logger, IDeviceInfo handheld, IPreferences preferences, IConnectivity connectivity, InspectorShift shift, IMeterFactory meters)
    {
        _logger = logger;
        _handheld = handheld;
        _preferences = preferences;
        _connectivity = connectivity;
        _shift = shift;
        _inspections = meters.Create("Metro.Inspection").CreateCounter<long>("metro.inspections", "{inspection}");
        SentrySdk.ConfigureScope(scope => scope.User = new SentryUser { Id = _shift.InspectorStaffNumber }); // leak TC1001 cross-member
        _logger.LogInformation("Inspection started on handheld {Handheld} at depot {Depot}", handheld.Name, shift.Depot); // clean precision-names
    }

    public void OnBarcodesDetected(object? sender, BarcodeDetectionEventArgs e)
    {
        var result = e.Results.FirstOrDefault(r => r.Format is BarcodeFormat.QrCode or BarcodeFormat.Aztec);
        if (result is null)
        {
            return;
        }

        var raw = result.Value;
        _logger.LogInformation("Ticket scanned ({Format}, {Length} bytes)", result.Format, result.Raw.Length); // clean precision-about
        using var transaction = Source.StartKioskTransaction(_handheld.Name); // clean precision-names
        TicketPayload ticket;
        try
        {
            ticket = TicketPayload.Parse(raw);
        }
        catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException)
        {
            _logger.LogDebug("Raw ticket {Raw} could not be read", raw); // leak TC1001 precision-names
            transaction.AddKioskScanRejectedEvent(result.Format.ToString(), ex.GetType().Name); // clean exceptions
            return;
        }

        var today = DateOnly.FromDateTime(DateTime.Today);
        var outcome = today >= ticket.ValidFrom && today <= ticket.ValidTo ? "valid" : "expired";
        _logger.LogInformation("Ticket {TicketRef} valid {From} to {To}: {Outcome}", ticket.TicketRef, ticket.ValidFrom, ticket.ValidTo, outcome); // clean precision-names
        if (outcome != "valid")
        {
            _logger.LogWarning("Ticket not valid today: {Ticket}", ticket); // leak TC1001 logging-objects
            transaction.Activity?.SetTag("inspection.card.b64", Convert.ToBase64String(Encoding.ASCII.GetBytes(ticket.CardNumber))); // leak TC1001 hashes
        }

        _inspections.Add(1, new KeyValuePair<string, object?>("inspection.outcome", outcome), new KeyValuePair<string, object?>("inspection.inspector", _shift.InspectorStaffNumber)); // leak TC1003 cross-member
        Keep(new InspectionRecord(ticket.TicketRef, ticket.CardNumber, outcome, DateTimeOffset.UtcNow));
    }

    private void Keep(InspectionRecord record)
    {
        var pending = JsonSerializer.Deserialize<List<InspectionRecord>>(_preferences.Get(QueueKey, "[]")) ?? [];
        pending.Add(record);
        _preferences.Set(QueueKey, JsonSerializer.Serialize(pending));
        if (_connectivity.NetworkAccess == NetworkAccess.Internet)
        {
            Flush();
        }
    }

    private void Flush()
    {
        var pending = JsonSerializer.Deserialize<List<InspectionRecord>>(_preferences.Get(QueueKey, "[]")) ?? [];
        using var activity = Source.StartActivity("inspection.flush");
        _logger.LogAppQueueFlushedEvent(pending.Count, string.Join(";", pending.Select(r => $"{r.TicketRef}:{r.Outcome}"))); // clean generated-api
        activity?.SetTag("inspection.cards", string.Join(",", pending.Select(r => r.CardNumber))); // leak TC1001 strings
        _preferences.Remove(QueueKey);
    }
}
