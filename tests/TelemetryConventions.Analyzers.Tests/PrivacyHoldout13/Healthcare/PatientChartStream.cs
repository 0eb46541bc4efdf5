using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EventStore.Client;
using Microsoft.Extensions.Logging;
using PrivacyHoldout13.Support;
using PrivacyHoldout13.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout13.Healthcare;

public abstract record ChartEvent(string Mrn);

public sealed record VitalsRecorded(string Mrn, string EncounterId, int Pulse, int Systolic, int Diastolic) : ChartEvent(Mrn);

public sealed record AllergyAdded(string Mrn, string Substance, string Severity) : ChartEvent(Mrn);

public sealed record EncounterClosed(string EncounterId, string Disposition);

/// <summary>
/// Appends to the event-sourced patient chart. A patient's chart is one stream per patient
/// (<c>patient-{mrn}</c>); an encounter's own events go to <c>encounter-{id}</c>.
/// </summary>
public sealed class PatientChartStream(EventStoreClient store, Pseudonymizer pseudonymizer, ILogger<PatientChartStream> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Hospital.Chart");
    private const int MaxAttempts = 3;

    public static string ChartStream(string mrn) => $"patient-{mrn}";

    public async Task AppendAsync(ChartEvent chartEvent, long expectedVersion, EventMetadata metadata, CancellationToken ct)
    {
        var stream = ChartStream(chartEvent.Mrn);
        var eventType = chartEvent.GetType().Name;
        using var span = Source.StartLedgerAppend("patient", eventType);
        span.SetLedgerAggregateId(chartEvent.Mrn); // leak TC1001 generated-api
        span.SetLedgerExpectedVersion(expectedVersion); // clean precision-about
        if (metadata.UserId is { } clinician)
        {
            span.SetLedgerActorId(pseudonymizer.PseudonymizeLedgerActorId(clinician)); // clean precision-pseudonym
        }

        var activity = Activity.Current;
        activity?.SetTag("eventstore.stream", stream); // leak TC1001 cross-member
        activity?.SetTag("eventstore.correlation_id", metadata.CorrelationId); // clean precision-about
        activity?.SetTag("enduser.id", metadata.UserId); // leak TC1001 direct

        var data = new EventData(Uuid.NewUuid(), eventType, JsonSerializer.SerializeToUtf8Bytes<object>(chartEvent), metadata.ToJson());
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.AppendToStreamAsync(stream, StreamRevision.FromInt64(expectedVersion), new[] { data }, ct);
                meter.CreateLedgerAppendedCounter().Add(1, "patient", eventType); // clean precision-names
                return;
            }
            catch (WrongExpectedVersionException ex) when (attempt < MaxAttempts)
            {
                logger.LogWarning(ex, "Concurrent write on a chart, attempt {Attempt} of {MaxAttempts}", attempt, MaxAttempts); // leak TC1001 exceptions
                span.AddLedgerConflictEvent("patient", ex.ExpectedStreamRevision.ToInt64(), $"actual {ex.ActualStreamRevision}"); // clean precision-about
                expectedVersion = ex.ActualStreamRevision.ToInt64();
            }
        }
    }

    public async Task CloseEncounterAsync(EncounterClosed closed, long expectedVersion, EventMetadata metadata, CancellationToken ct)
    {
        var stream = $"encounter-{closed.EncounterId}";
        using var span = Source.StartLedgerAppend("encounter", nameof(EncounterClosed));
        span.SetLedgerAggregateId(closed.EncounterId); // clean precision-about
        Activity.Current?.SetTag("eventstore.stream", stream); // clean strings

        try
        {
            var data = new EventData(Uuid.NewUuid(), nameof(EncounterClosed), JsonSerializer.SerializeToUtf8Bytes(closed), metadata.ToJson());
            await store.AppendToStreamAsync(stream, StreamRevision.FromInt64(expectedVersion), new[] { data }, ct);
        }
        catch (WrongExpectedVersionException ex)
        {
            logger.LogWarning(ex, "Encounter {EncounterId} was closed concurrently", closed.EncounterId); // clean exceptions
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
    }

    /// <summary>Rebuilds the allergy list for the medication check; large charts are read from a snapshot.</summary>
    public async Task<IReadOnlyList<string>> AllergiesAsync(string mrn, ISnapshotStore snapshots, CancellationToken ct)
    {
        var stream = ChartStream(mrn);
        var snapshot = await snapshots.LoadAsync<List<string>>(stream, ct);
        var allergies = snapshot?.State ?? new List<string>();
        var from = snapshot is { } s ? StreamPosition.FromInt64(s.Version + 1) : StreamPosition.Start;
        var read = 0;

        await foreach (var resolved in store.ReadStreamAsync(Direction.Forwards, stream, from, cancellationToken: ct))
        {
            read++;
            if (resolved.Event.EventType == nameof(AllergyAdded))
            {
                var added = JsonSerializer.Deserialize<AllergyAdded>(resolved.Event.Data.Span)!;
                allergies.Add(added.Substance);
            }
        }

        logger.LogDebug("Chart replayed {EventCount} events after snapshot {HasSnapshot}", read, snapshot is not null);
        if (read > 200)
        {
            await snapshots.SaveAsync(stream, allergies, (snapshot?.Version ?? -1) + read, ct);
            logger.LogInformation("Snapshot of {Stream} saved", stream); // leak TC1001 cross-member
        }

        return allergies.Distinct().ToList();
    }
}
