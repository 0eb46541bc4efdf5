using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout33.Support.Geo;
using PrivacyHoldout33.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout33.Energy;

/// <summary>A smart meter exchange or fault visit at a customer's home.</summary>
public sealed record FieldJob(string JobId, string AccountNumber, string AddressLine1, string Postcode, GeoPoint Site, string Patch, string JobType, string? LegacyCustomerRef);

public sealed record Engineer(string StaffNumber, string DisplayName, string VanId, string Patch);

/// <summary>A tracker ping of one of the company's service vans.</summary>
public sealed record VanPosition(string VanId, GeoPoint Position, double SpeedKph, DateTimeOffset At);

public sealed class UnroutableJobException(string message) : Exception(message);

public interface IVanTracker
{
    VanPosition Latest(string vanId);

    IReadOnlyList<TracePoint> Today(string vanId);
}

public sealed class FieldEngineerDispatch(
    IVanTracker vans,
    IMapMatcher mapMatcher,
    ILogger<FieldEngineerDispatch> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Field.Dispatch");
    private readonly Counter<long> _jobs = meter.CreateCounter<long>("field.jobs_assigned", "{job}");

    public TimeSpan Assign(FieldJob job, Engineer engineer)
    {
        using var activity = Source.StartActivity("job.assign");
        activity?.SetTag("job.id", job.JobId);
        activity?.SetTag("job.type", job.JobType);
        activity?.SetTag("job.summary", $"{job.JobType} in patch {job.Patch} ({job.Postcode.Split(' ')[0]})"); // clean strings
        activity?.SetTag("engineer.staff_number", engineer.StaffNumber); // leak TC1001 direct
        activity?.SetTag("engineer.patch", engineer.Patch); // clean precision-names

        var van = vans.Latest(engineer.VanId);
        var metres = GeoMath.HaversineMetres(van.Position, job.Site);
        var eta = GeoMath.Eta(metres * 1.4, 45);
        activity?.SetTag("van.position", van.Position.ToLatLng()); // clean direct
        activity?.SetTag("job.site", job.Site.ToLatLng()); // leak TC1001 direct
        activity?.SetTag("job.eta_min", Math.Round(eta.TotalMinutes)); // clean precision-about

        Activity.Current.EnrichGeoLookup("haversine").SetGeoZone(job.Patch).SetGeoDistance(metres); // clean generated-api
        meter.CreateGeoEtaHistogram().Record(eta.TotalSeconds, geoZone: job.Patch); // clean generated-api
        _jobs.Add(1, new KeyValuePair<string, object?>("job.type", job.JobType), new KeyValuePair<string, object?>("engineer", pseudonymizer.Compute("field.engineer", engineer.StaffNumber))); // leak TC1003 precision-pseudonym

        if (job.LegacyCustomerRef is not null)
        {
            // Jobs raised before the CRM migration keep the raw account number in this column.
            activity?.SetTag("customer.ref", Pseudonym.FromComputed(job.LegacyCustomerRef).Value); // leak TC1001 precision-pseudonym
        }
        else
        {
            activity?.SetTag("customer.ref", pseudonymizer.ComputeGeoSubjectId(job.AccountNumber)); // clean precision-pseudonym
        }

        logger.LogInformation("{Engineer} heading to {Address} ({Postcode}), ETA {Eta}", engineer.DisplayName, job.AddressLine1, job.Postcode, eta); // leak TC1001 direct
        return eta;
    }

    public async Task<double> ReconcileVanDayAsync(string vanId, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("van.reconcile");
        var trace = vans.Today(vanId);
        try
        {
            var route = await mapMatcher.MatchAsync(trace, "van", cancellationToken);
            activity?.SetTag("van.id", vanId);
            activity?.SetTag("van.route", route.Polyline); // clean direct
            activity?.SetTag("van.road_class", route.DominantRoadClass); // clean precision-about
            return route.DistanceMetres;
        }
        catch (MapMatchingException ex)
        {
            logger.LogWarning(ex, "Could not match the day of van {VanId}", vanId); // clean exceptions
            return 0;
        }
    }

    public void Reroute(FieldJob job, Engineer engineer)
    {
        try
        {
            var van = vans.Latest(engineer.VanId);
            if (GeoMath.HaversineMetres(van.Position, job.Site) > 120_000)
            {
                throw new UnroutableJobException($"Job {job.JobId} at {job.AddressLine1}, {job.Postcode} is outside the patch of van {van.VanId}");
            }
        }
        catch (UnroutableJobException ex)
        {
            logger.LogError(ex, "Reroute failed for job {JobId}", job.JobId); // leak TC1001 exceptions
            Activity.Current?.SetTag("error.type", ex.GetType().Name); // clean exceptions
        }
    }
}
