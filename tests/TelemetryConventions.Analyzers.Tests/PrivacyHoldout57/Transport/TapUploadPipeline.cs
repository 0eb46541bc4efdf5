using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Dataflow;
using Microsoft.Extensions.Logging;
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Transport;

/// <summary>A tap as a validator records it.</summary>
public sealed record Tap(Guid TapId, string CardNumber, string StopCode, string ValidatorId, int Direction, DateTimeOffset At, bool Concession);

public sealed record TapUpload(string ValidatorId, string StopCode, IReadOnlyList<Tap> Taps);

public interface ITapStore
{
    Task<int> InsertAsync(IReadOnlyList<Tap> taps, CancellationToken cancellationToken);
}

/// <summary>Thrown by the store when a tap's card is on the hotlist; the message names the card.</summary>
public sealed class HotlistedCardException(string cardNumber) : Exception($"Card {cardNumber} is hotlisted");

/// <summary>
/// Receives the validators' uploads: each upload is split into taps, taps already seen (validators
/// resend after a lost acknowledgement) are dropped, and the rest are stored in batches of 500 or
/// every twenty seconds. The upload's acknowledgement completes when its taps are stored.
/// </summary>
public sealed class TapUploadPipeline : IDisposable
{
    private static readonly ActivitySource Source = new("Fare.Taps");

    private readonly TransformManyBlock<TapUpload, Tap> _split;
    private readonly BatchBlock<Tap> _batch = new(500);
    private readonly ActionBlock<Tap[]> _store;
    private readonly Timer _flush;
    private readonly ConcurrentDictionary<Guid, byte> _seen = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _acks = new();
    private readonly ILogger<TapUploadPipeline> _logger;
    private readonly Meter _meter;
    private readonly Counter<long> _duplicates;

    public TapUploadPipeline(ITapStore store, Pseudonymizer pseudonymizer, Meter meter, ILogger<TapUploadPipeline> logger)
    {
        _logger = logger;
        _meter = meter;
        _duplicates = meter.CreateCounter<long>("fare.taps.duplicates");

        _split = new TransformManyBlock<TapUpload, Tap>(upload =>
        {
            var fresh = upload.Taps.Where(t => _seen.TryAdd(t.TapId, 0)).ToList();
            if (fresh.Count < upload.Taps.Count)
            {
                _duplicates.Add(upload.Taps.Count - fresh.Count, new KeyValuePair<string, object?>("fare.validator", upload.ValidatorId)); // clean direct
                _logger.LogDebug("Validator {Validator} resent {Taps}", upload.ValidatorId, upload.Taps.Except(fresh)); // leak TC1001 logging-objects
            }
            foreach (var tap in fresh)
            {
                _meter.CreateFareTapsCounter().Add(1, tap.StopCode); // clean generated-api
            }
            return fresh;
        });

        _store = new ActionBlock<Tap[]>(async taps =>
        {
            using var span = Source.StartFareTapBatch(taps.Length) // clean generated-api
                .SetFareStopCode(taps[0].StopCode);
            try
            {
                var inserted = await store.InsertAsync(taps, CancellationToken.None);
                span.SetFareNote($"{inserted} inserted, {taps.Count(t => t.Concession)} concessions"); // clean generated-api
            }
            catch (HotlistedCardException ex)
            {
                span.RecordException(ex); // clean exceptions
                var cards = new StringBuilder();
                foreach (var tap in taps.Where(t => !t.Concession))
                {
                    cards.Append(tap.CardNumber).Append(';');
                }
                _logger.LogWarning("Batch held for hotlist review; cards " + cards); // leak TC1001 strings
                span.SetFareNote(ex.Message); // leak TC1001 generated-api
                foreach (var tap in taps)
                {
                    using var priced = Source.StartFareJourneyPrice(pseudonymizer.PseudonymizeFareCardId(tap.CardNumber), tap.TapId.ToString()); // clean precision-pseudonym
                    priced.SetFareNote($"held at {tap.StopCode} by validator {tap.ValidatorId}"); // clean generated-api
                }
            }
            foreach (var tap in taps)
            {
                if (_acks.TryRemove(tap.TapId, out var ack))
                {
                    ack.TrySetResult();
                }
            }
        });

        var propagate = new DataflowLinkOptions { PropagateCompletion = true };
        _split.LinkTo(_batch, propagate);
        _batch.LinkTo(_store, propagate);

        _flush = new Timer(_ => _batch.TriggerBatch(), null, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20));
    }

    /// <summary>Accepts an upload; the task completes when the upload's last tap is stored.</summary>
    public async Task AcceptAsync(TapUpload upload, CancellationToken cancellationToken)
    {
        var ack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _acks[upload.Taps[^1].TapId] = ack;
        await _split.SendAsync(upload, cancellationToken);
        var stored = ack.Task.ContinueWith(t => _logger.LogDebug("Upload of {Taps} taps from {Validator} acknowledged", upload.Taps.Count, upload.ValidatorId), TaskContinuationOptions.OnlyOnRanToCompletion); // clean precision-about
        try
        {
            await ack.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Upload from {Validator} not stored in 60 s; last card {Card}", upload.ValidatorId, upload.Taps[^1].CardNumber); // leak TC1001 direct
            throw;
        }
        await stored;
    }

    public void Dispose()
    {
        _flush.Dispose();
        _split.Complete();
        _logger.LogInformation("Tap pipeline stopped with {Waiting} acknowledgements outstanding and {Seen} taps remembered", _acks.Count, _seen.Count);
    }
}
