using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.Networking;
using Microsoft.Maui.Storage;
using PrivacyHoldout26.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout26.Energy;

/// <summary>A reading taken while offline, kept in the app's preferences until it can be sent.</summary>
public sealed record PendingReading(string AccountNumber, string MeterSerial, decimal Register, DateTimeOffset TakenAt);

/// <summary>
/// Readings taken in a cellar without signal are kept in preferences and sent when connectivity comes
/// back; the flush is traced so that support can see readings that arrived late.
/// </summary>
public sealed class ReadingOutbox
{
    private const string Key = "myenergy.pending-readings";

    private readonly IPreferences _preferences;
    private readonly IReadingsApi _api;
    private readonly ILogger<ReadingOutbox> _logger;
    private readonly Pseudonymizer _pseudonymizer;

    public ReadingOutbox(IPreferences preferences, IConnectivity connectivity, IReadingsApi api, ILogger<ReadingOutbox> logger, Pseudonymizer pseudonymizer)
    {
        _preferences = preferences;
        _api = api;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        connectivity.ConnectivityChanged += OnConnectivityChanged;
    }

    public Task EnqueueAsync(PendingReading reading)
    {
        var pending = Load();
        pending.Add(reading);
        Save(pending);
        _logger.LogInformation("Reading kept offline, {Depth} waiting", pending.Count); // clean precision-about
        return Task.CompletedTask;
    }

    private async void OnConnectivityChanged(object? sender, ConnectivityChangedEventArgs e)
    {
        _logger.LogInformation("Connectivity is {Access} over {Profiles}", e.NetworkAccess, string.Join(",", e.ConnectionProfiles)); // clean precision-names
        if (e.NetworkAccess == NetworkAccess.Internet)
        {
            await FlushAsync();
        }
    }

    public async Task FlushAsync()
    {
        var pending = Load();
        if (pending.Count == 0)
        {
            return;
        }

        using var activity = MeterReadingViewModel.Source.StartActivity("readings.flush");
        var failed = new List<PendingReading>();
        foreach (var reading in pending)
        {
            try
            {
                await _api.SubmitAsync(reading.AccountNumber, reading.MeterSerial, reading.Register);
            }
            catch (HttpRequestException ex)
            {
                _logger.LogWarning(ex, "Queued reading {@Reading} not sent yet", reading); // leak TC1001 logging-objects
                failed.Add(reading);
            }
            catch (ReadingRejectedException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
            }
        }

        activity?.SetTag(AppAttributes.QueueDepth, failed.Count);
        activity?.SetTag("myenergy.flush.accounts", pending.Select(p => _pseudonymizer.ComputeAppUserId(p.AccountNumber)).Distinct().Count()); // clean precision-about
        _logger.LogInformation("Queued readings for meters {Meters} sent", string.Join(",", pending.Except(failed).Select(p => p.MeterSerial))); // leak TC1001 strings
        Save(failed);
    }

    private List<PendingReading> Load() =>
        JsonSerializer.Deserialize<List<PendingReading>>(_preferences.Get(Key, "[]")) ?? [];

    private void Save(List<PendingReading> pending) => _preferences.Set(Key, JsonSerializer.Serialize(pending));
}
