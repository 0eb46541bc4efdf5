using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using nClam;

namespace PrivacyHoldout18.Energy;

public sealed class InboundFolderOptions
{
    /// <summary>Industry flow files from data collectors: DC01_D0010_20240501_0001.csv.</summary>
    public string FlowFolder { get; init; } = "/data/inbound/d0010";

    /// <summary>Exports of the field engineers' handhelds, one per visit: {mpan}-{yyyyMMddHHmmss}.json.</summary>
    public string SpecialReadFolder { get; init; } = "/data/inbound/special-reads";
}

public sealed record SpecialRead(string Mpan, string MeterSerial, decimal Register, DateTimeOffset ReadAt);

/// <summary>Watches the SFTP landing folders and hands new files to the settlement pipeline.</summary>
public sealed class InboundFileWatcher : IDisposable
{
    private static readonly ActivitySource Source = new("Supply.Inbound");
    private readonly FileSystemWatcher _flows;
    private readonly FileSystemWatcher _specialReads;
    private readonly ClamClient _clam;
    private readonly ILogger<InboundFileWatcher> _logger;
    private readonly Counter<long> _files;

    public InboundFileWatcher(InboundFolderOptions options, ClamClient clam, Meter meter, ILogger<InboundFileWatcher> logger)
    {
        _clam = clam;
        _logger = logger;
        _files = meter.CreateCounter<long>("inbound.files", "{file}");

        _flows = new FileSystemWatcher(options.FlowFolder, "*.csv") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.Size };
        _flows.Created += OnFlowCreated;
        _flows.Error += OnWatcherError;
        _flows.EnableRaisingEvents = true;

        _specialReads = new FileSystemWatcher(options.SpecialReadFolder, "*.json");
        _specialReads.Created += OnSpecialReadCreated;
        _specialReads.Renamed += OnSpecialReadRenamed;
        _specialReads.EnableRaisingEvents = true;
    }

    private void OnFlowCreated(object sender, FileSystemEventArgs e)
    {
        _logger.LogInformation("Flow file {Name} arrived ({Change})", e.Name, e.ChangeType); // clean precision-about
        var parts = Path.GetFileNameWithoutExtension(e.Name ?? string.Empty).Split('_');
        _files.Add(1, new KeyValuePair<string, object?>("flow", parts.Length > 1 ? parts[1] : "unknown"), new KeyValuePair<string, object?>("collector", parts[0])); // clean precision-about
        _ = ScanAsync(e.FullPath);
    }

    private async void OnSpecialReadCreated(object sender, FileSystemEventArgs e)
    {
        _logger.LogInformation("Special read file {Path} arrived", e.FullPath); // leak TC1001 strings
        var mpan = Path.GetFileNameWithoutExtension(e.Name ?? string.Empty).Split('-')[0];
        _files.Add(1, new KeyValuePair<string, object?>("flow", "special-read")); // clean precision-names

        using var activity = Source.StartActivity("special-read.ingest");
        activity?.SetTag("supply.distributor", mpan.Length >= 2 ? mpan[..2] : null); // clean precision-about
        activity?.SetTag("supply.mpan", mpan); // leak TC1001 strings
        await IngestSpecialReadAsync(e.FullPath, activity);
    }

    private void OnSpecialReadRenamed(object sender, RenamedEventArgs e) =>
        _logger.LogDebug("Special read renamed from {OldName} to {Name}", e.OldName, e.Name); // leak TC1001 strings

    private void OnWatcherError(object sender, ErrorEventArgs e) =>
        _logger.LogError(e.GetException(), "Watcher on the flow folder failed"); // clean exceptions

    private async Task ScanAsync(string path)
    {
        var result = await _clam.ScanFileOnServerAsync(path);
        _logger.LogInformation("clamd replied {Reply}", result.RawResult); // clean precision-about
    }

    private async Task IngestSpecialReadAsync(string path, Activity? activity)
    {
        var scan = await _clam.ScanFileOnServerAsync(path);
        if (scan.Result != ClamScanResults.Clean)
        {
            _logger.LogWarning("Special read quarantined: {Reply}", scan.RawResult); // leak TC1001 strings
            return;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            var read = await JsonSerializer.DeserializeAsync<SpecialRead>(stream);
            activity?.SetTag("read.register", read?.Register); // clean precision-about
            activity?.SetTag("meter.model", read?.MeterSerial[..3]); // clean precision-about
        }
        catch (IOException ex)
        {
            // FileNotFoundException and sharing violations quote the full path of the file.
            _logger.LogWarning(ex, "Special read could not be opened"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
        }
        catch (JsonException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }
    }

    public void Dispose()
    {
        _flows.Dispose();
        _specialReads.Dispose();
    }
}
