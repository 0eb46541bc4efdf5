using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.Networking;
using PrivacyHoldout26.Telemetry;
using ZXing.Net.Maui;

namespace PrivacyHoldout26.Energy;

/// <summary>The customer's supply account, as the MyEnergy app holds it after sign-in.</summary>
public sealed record EnergyAccount(string AccountNumber, string MeterSerial, string Mpan, string Tariff, string Email);

public interface IReadingsApi
{
    Task SubmitAsync(string accountNumber, string meterSerial, decimal register);
}

/// <summary>Thrown by the readings API client when a reading is lower than the last accepted one.</summary>
public sealed class ReadingRejectedException(string meterSerial, decimal reading, decimal previous)
    : Exception($"Reading {reading} for meter {meterSerial} is below the previous read {previous}");

/// <summary>
/// The "submit a meter reading" screen of the MyEnergy app: the customer scans the QR code on the
/// meter (it reads <c>MSN:&lt;serial&gt;;MPAN:&lt;mpan&gt;</c>) and types the register.
/// </summary>
public sealed class MeterReadingViewModel : ObservableObject
{
    public static readonly ActivitySource Source = new("MyEnergy.App");

    private readonly IReadingsApi _api;
    private readonly ReadingOutbox _outbox;
    private readonly IConnectivity _connectivity;
    private readonly ILogger<MeterReadingViewModel> _logger;
    private readonly Meter _meter;
    private readonly Counter<long> _readings;
    private readonly EnergyAccount _account;
    private string _meterSerial = string.Empty;
    private string _register = string.Empty;

    public MeterReadingViewModel(IReadingsApi api, ReadingOutbox outbox, IConnectivity connectivity, ILogger<MeterReadingViewModel> logger, Meter meter, EnergyAccount account)
    {
        _api = api;
        _outbox = outbox;
        _connectivity = connectivity;
        _logger = logger;
        _meter = meter;
        _account = account;
        _readings = meter.CreateCounter<long>("myenergy.readings.submitted", "{reading}");
        SubmitCommand = new AsyncRelayCommand(SubmitAsync);
    }

    public string MeterSerial
    {
        get => _meterSerial;
        set => SetProperty(ref _meterSerial, value);
    }

    /// <summary>The register as typed, e.g. "04512.7".</summary>
    public string Register
    {
        get => _register;
        set => SetProperty(ref _register, value);
    }

    public IAsyncRelayCommand SubmitCommand { get; }

    public void OnBarcodesDetected(object? sender, BarcodeDetectionEventArgs e)
    {
        var qr = e.Results.FirstOrDefault(r => r.Format == BarcodeFormat.QrCode);
        if (qr is null)
        {
            _logger.LogDebug("No QR code among {Count} barcodes ({Formats})", e.Results.Length, string.Join(",", e.Results.Select(r => r.Format))); // clean precision-about
            return;
        }

        var fields = qr.Value.Split(';').Select(p => p.Split(':', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        var serial = fields.GetValueOrDefault("MSN", string.Empty);
        _logger.LogInformation("Meter QR scanned, model {Model}", serial.Length >= 3 ? serial[..3] : "?"); // clean precision-about
        if (!string.Equals(serial, _account.MeterSerial, StringComparison.OrdinalIgnoreCase))
        {
            _logger.LogWarning("Scanned meter {Scanned} is not the meter on the account", serial); // leak TC1001 direct
        }

        Activity.Current?.SetTag("myenergy.meter.qr", qr.Value); // leak TC1001 precision-names
        MeterSerial = serial;
    }

    private async Task SubmitAsync()
    {
        using var view = Source.StartAppScreenView("meter-reading");
        if (!decimal.TryParse(Register, NumberStyles.Number, CultureInfo.InvariantCulture, out var reading))
        {
            view.AddAppBreadcrumbEvent($"register '{Register}' is not a number"); // clean generated-api
            return;
        }

        view.SetAppNote($"reading for meter {MeterSerial}"); // leak TC1001 generated-api
        if (_connectivity.NetworkAccess != NetworkAccess.Internet)
        {
            await _outbox.EnqueueAsync(new PendingReading(_account.AccountNumber, MeterSerial, reading, DateTimeOffset.UtcNow));
            _meter.CreateAppCommandsCounter().Add(1, "meter-reading", "queued offline"); // clean generated-api
            return;
        }

        try
        {
            await _api.SubmitAsync(_account.AccountNumber, MeterSerial, reading);
            _readings.Add(1, new KeyValuePair<string, object?>("myenergy.tariff", _account.Tariff), new KeyValuePair<string, object?>("myenergy.account", _account.AccountNumber)); // leak TC1003 direct
        }
        catch (ReadingRejectedException ex)
        {
            _logger.LogWarning(ex, "Reading rejected by the server"); // leak TC1001 exceptions
            _meter.CreateAppCommandsCounter().Add(1, "meter-reading", ex.Message); // leak TC1003 exceptions
        }
    }
}
