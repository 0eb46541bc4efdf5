namespace PrivacyHoldout140.Transport;

/// <summary>A batch of points the trip diary app uploads when the phone is on Wi-Fi.</summary>
public sealed record DiaryBatch(string PilotCode, string ParticipantId, string DeviceId, IReadOnlyList<DiaryPoint> Points);

/// <summary>
/// Ingests the trip diary app's location points, splits them into trips, detects the mode and keeps the trip
/// inside the pilot's zones.
/// </summary>
public sealed class TripDiaryIngestWorker(
    IQueueReceiver<DiaryBatch> queue,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<TripDiaryIngestWorker> logger) : BackgroundService
{
    private readonly Counter<long> _points = meter.CreateCounter<long>("farepilot.diary.points", "{point}");
    private readonly Dictionary<string, (double Lat, double Lon)> _firstFixOfDay = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await queue.ReceiveAsync(stoppingToken) is { } batch)
            {
                Ingest(batch);
            }
        }
    }

    private void Ingest(DiaryBatch batch)
    {
        using var span = source.StartFarepilotOperation(batch.PilotCode);
        span.SetFarepilotPointCount(batch.Points.Count); // clean precision-about
        span.SetFarepilotParticipantId(pseudonymizer.PseudonymizeFarepilotParticipantId(batch.ParticipantId)); // clean precision-pseudonym
        span.Activity?.SetTag("farepilot.device.id", batch.DeviceId); // leak TC1001 direct

        if (batch.Points.Count == 0)
        {
            return;
        }

        var first = batch.Points[0];
        _firstFixOfDay.TryAdd(batch.ParticipantId, (first.Latitude, first.Longitude));
        span.Activity?.SetTag("farepilot.start.lat", first.Latitude); // leak TC1001 direct
        span.Activity?.SetTag("farepilot.start.cell", $"{Math.Round(first.Latitude, 1)},{Math.Round(first.Longitude, 1)}"); // clean precision-about

        var distanceKm = 0.0;
        for (var i = 1; i < batch.Points.Count; i++)
        {
            distanceKm += Haversine(batch.Points[i - 1], batch.Points[i]);
        }

        var mode = batch.Points.GroupBy(p => p.Mode).OrderByDescending(g => g.Count()).First().Key;
        span.SetFarepilotMode(mode); // clean precision-about
        meter.CreateFarepilotTripDistanceHistogram().Record(distanceKm, batch.PilotCode, farepilotMode: mode); // clean generated-api
        _points.Add(batch.Points.Count, new("mode", mode), new("pilot", batch.PilotCode)); // clean precision-about
        _points.Add(batch.Points.Count, new KeyValuePair<string, object?>("device", batch.DeviceId)); // leak TC1003 direct

        try
        {
            foreach (var point in batch.Points)
            {
                if (point.Latitude > 54.2)
                {
                    throw new OutsidePilotZoneException("Z2");
                }
            }

            meter.CreateFarepilotTripsCounter().Add(1, batch.PilotCode, farepilotOutcome: "in-zone"); // clean generated-api
        }
        catch (OutsidePilotZoneException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogInformation("Trip left the zone; last point {Point}", batch.Points[^1]); // leak TC1001 logging-objects
            logger.LogFarepilotTripFailedEvent(batch.PilotCode, "outside-zone", farepilotParticipantId: pseudonymizer.PseudonymizeFarepilotParticipantId(batch.ParticipantId), farepilotNote: ex.Message); // clean generated-api
        }
    }

    /// <summary>Nightly: where each rider's day started, for the evaluator's home-location check.</summary>
    public void ReportFirstFixes()
    {
        foreach (var (participantId, fix) in _firstFixOfDay)
        {
            logger.LogDebug("First fix {Lat:F5},{Lon:F5}", fix.Lat, fix.Lon); // leak TC1001 cross-member
        }

        logger.LogInformation("{Riders} riders reported today", _firstFixOfDay.Count); // clean precision-about
        _firstFixOfDay.Clear();
    }

    private static double Haversine(DiaryPoint a, DiaryPoint b)
    {
        const double R = 6371.0;
        var dLat = (b.Latitude - a.Latitude) * Math.PI / 180;
        var dLon = (b.Longitude - a.Longitude) * Math.PI / 180;
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(a.Latitude * Math.PI / 180) * Math.Cos(b.Latitude * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Sqrt(h));
    }
}
