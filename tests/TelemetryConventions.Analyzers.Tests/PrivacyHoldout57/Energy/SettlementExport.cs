using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Dataflow;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyHoldout57.Energy;

public sealed record ConsumptionLine(string Mpan, string AccountNumber, string HolderEmail, DateOnly SettlementDate, decimal[] HalfHours, string ProfileClass);

public sealed record SettlementFile(string Name, string GspGroup, IReadOnlyList<ConsumptionLine> Lines);

public interface ISettlementGateway
{
    /// <summary>Uploads a flow file; throws <see cref="SettlementRejectedException"/> when the agent refuses it.</summary>
    Task UploadAsync(string fileName, byte[] content, CancellationToken cancellationToken);
}

/// <summary>
/// The settlement agent's refusal of a file. Its message is the agent's first validation error, which
/// quotes the offending line's MPAN ("MPAN 1012345678901 not registered to supplier").
/// </summary>
public sealed class SettlementRejectedException(string fileName, string firstError)
    : Exception($"{fileName} rejected by the settlement agent: {firstError}");

/// <summary>Thrown when a line cannot be written in the settlement flow's format.</summary>
public sealed class FlowFormatException(ConsumptionLine line, string field)
    : Exception($"Field {field} of the line for MPAN {line.Mpan} on {line.SettlementDate} does not fit the D0036 flow");

/// <summary>
/// Writes consumption into settlement flow files. Lines are grouped by GSP group into files of up to
/// 10 000 lines; a timer closes the open batch every ten minutes so that a quiet group still
/// settles before the cut-off.
/// </summary>
public sealed class SettlementExport : IDisposable
{
    private static readonly ActivitySource Source = new("Meterdata.Settlement");

    private readonly BatchBlock<ConsumptionLine> _batch = new(10_000);
    private readonly TransformBlock<ConsumptionLine[], SettlementFile[]> _toFiles;
    private readonly ActionBlock<SettlementFile> _upload;
    private readonly Timer _cutOff;
    private readonly TaskCompletionSource<int> _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger<SettlementExport> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private int _files;

    public SettlementExport(ISettlementGateway gateway, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<SettlementExport> logger)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _toFiles = new TransformBlock<ConsumptionLine[], SettlementFile[]>(lines =>
            lines.GroupBy(l => GspGroupOf(l.Mpan))
                 .Select(g => new SettlementFile($"D0036_{g.Key}_{DateTime.UtcNow:yyyyMMddHHmm}.txt", g.Key, g.ToList()))
                 .ToArray());

        var flatten = new TransformManyBlock<SettlementFile[], SettlementFile>(files => files);
        _upload = new ActionBlock<SettlementFile>(
            async file =>
            {
                using var activity = Source.StartActivity("settlement.upload");
                activity?.SetTag("settlement.file", file.Name); // clean strings
                activity?.SetTag("settlement.gsp_group", file.GspGroup); // clean direct
                activity?.SetTag("settlement.lines", file.Lines.Count); // clean precision-about

                var content = new StringBuilder();
                foreach (var line in file.Lines)
                {
                    try
                    {
                        content.AppendLine(Format(line));
                    }
                    catch (FlowFormatException ex)
                    {
                        _logger.LogWarning(ex, "Line left out of {File}", file.Name); // leak TC1001 exceptions
                        _logger.LogWarning("Line left out of {File}: account {Account}, profile class {ProfileClass}", file.Name, line.AccountNumber, line.ProfileClass); // leak TC1001 direct
                        activity?.AddEvent(new ActivityEvent("settlement.line.skipped", tags: new ActivityTagsCollection { ["account.ref"] = _pseudonymizer.Pseudonymize("supply_account", line.AccountNumber).Value, ["profile_class"] = line.ProfileClass })); // clean precision-pseudonym
                    }
                }

                await gateway.UploadAsync(file.Name, Encoding.ASCII.GetBytes(content.ToString()), CancellationToken.None);
                Interlocked.Increment(ref _files);
            },
            new ExecutionDataflowBlockOptions { MaxDegreeOfParallelism = 2 });

        var propagate = new DataflowLinkOptions { PropagateCompletion = true };
        _batch.LinkTo(_toFiles, propagate);
        _toFiles.LinkTo(flatten, propagate);
        flatten.LinkTo(_upload, propagate);

        _upload.Completion.ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                _logger.LogError(t.Exception, "Settlement upload stopped after {Files} files", _files); // leak TC1001 exceptions
                _drained.TrySetException(t.Exception!.InnerExceptions);
            }
            else
            {
                _drained.TrySetResult(_files);
            }
        });

        _cutOff = new Timer(_ =>
        {
            var pending = _batch.OutputCount;
            _batch.TriggerBatch();
            _logger.LogDebug("Cut-off: closed the open batch ({Pending} batches waiting)", pending);
        }, null, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));
    }

    public Task<int> Drained => _drained.Task;

    public async Task<bool> OfferAsync(ConsumptionLine line)
    {
        using var activity = Source.StartActivity("settlement.offer");
        var bucket = BitConverter.ToUInt16(MD5.HashData(Encoding.UTF8.GetBytes(line.AccountNumber))) % 32;
        activity?.SetTag("settlement.account_bucket", bucket); // leak TC1002 hashes
        activity?.SetTag("settlement.holder_domain", line.HolderEmail.Split('@')[^1]); // clean precision-about
        activity?.SetTag("settlement.mpan_distributor", line.Mpan[..2]); // clean precision-about
        if (!await _batch.SendAsync(line))
        {
            _logger.LogError("Settlement export closed; line for {Mpan} on {Date} refused", line.Mpan, line.SettlementDate); // leak TC1001 direct
            return false;
        }
        return true;
    }

    public void Complete()
    {
        _cutOff.Dispose();
        _batch.Complete();
        _ = _drained.Task.ContinueWith(t => _logger.LogInformation("Settlement export drained: {Files} files", t.Result), TaskContinuationOptions.OnlyOnRanToCompletion); // clean precision-about
        _ = _drained.Task.ContinueWith(t => _logger.LogError("Settlement export failed: {Reasons}", string.Join("; ", t.Exception!.InnerExceptions.Select(e => e.Message))), TaskContinuationOptions.OnlyOnFaulted); // leak TC1001 exceptions
    }

    private static string GspGroupOf(string mpan) => mpan[..2] switch
    {
        "10" => "_A",
        "11" => "_B",
        "12" => "_C",
        _ => "_X",
    };

    private static string Format(ConsumptionLine line)
    {
        if (line.HalfHours.Length is not (46 or 48 or 50))
        {
            throw new FlowFormatException(line, "half-hour count");
        }
        return $"{line.Mpan}|{line.SettlementDate:yyyyMMdd}|{line.ProfileClass}|{string.Join("|", line.HalfHours)}";
    }

    public void Dispose() => _cutOff.Dispose();
}
