using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Transport;

public sealed record BreakdownJob(string JobId, string MembershipNumber, string MemberName, string MemberMobile, string VehiclePlate, string VehicleMake, GeoPoint Location, string RoadName, bool VulnerableOccupant);

public sealed record PatrolUnit(string CallSign, string PatrolStaffNumber, string VanRegistration, GeoPoint LastFix, IReadOnlyDictionary<string, int> PartsOnBoard);

/// <summary>Roadside assistance: sends the nearest patrol van to a stranded member.</summary>
public sealed class BreakdownPatrolDispatch(ILogger<BreakdownPatrolDispatch> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter)
{
    private static readonly ActivitySource Source = new("Roadside.Dispatch");
    private readonly Histogram<double> _eta = meter.CreateHistogram<double>("roadside.eta", "min");

    public PatrolUnit? Dispatch(BreakdownJob job, IReadOnlyList<PatrolUnit> patrols)
    {
        using var span = Source.StartFieldVisit("roadside_assist");
        span.SetFieldJobId(job.JobId); // clean precision-names
        span.SetFieldClientId(pseudonymizer.PseudonymizeFieldClientId(job.MembershipNumber)); // clean generated-api
        span.SetFieldVisitNote($"{job.VehicleMake} on {job.RoadName}"); // clean generated-api
        span.SetFieldVisitNote($"{job.VehiclePlate} on {job.RoadName}"); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("roadside.vulnerable", job.VulnerableOccupant); // clean precision-about
        activity?.SetTag("roadside.member", job.MembershipNumber); // leak TC1001 direct
        activity?.SetTag("roadside.plate_prefix", job.VehiclePlate[..2]); // clean precision-about
        activity?.SetTag("roadside.location", job.Location.ToString()); // leak TC1001 strings
        activity?.SetTag("roadside.area", job.Location.Rounded(1).ToString()); // clean precision-about

        var nearest = patrols.OrderBy(p => p.LastFix.DistanceMetresTo(job.Location)).FirstOrDefault();
        if (nearest is null)
        {
            var ex = new DispatchException($"No patrol for member {job.MembershipNumber} ({job.MemberMobile})");
            span.RecordException(ex); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            return null;
        }

        activity?.SetTag("roadside.patrol.call_sign", nearest.CallSign); // clean precision-names
        activity?.SetTag("roadside.patrol.van", nearest.VanRegistration); // clean precision-names
        activity?.SetTag("roadside.patrol.staff_number", nearest.PatrolStaffNumber); // leak TC1001 direct
        var minutes = nearest.LastFix.DistanceMetresTo(job.Location) / 800;
        _eta.Record(minutes, new KeyValuePair<string, object?>("call_sign", nearest.CallSign)); // clean precision-names
        _eta.Record(minutes, new KeyValuePair<string, object?>("plate", job.VehiclePlate)); // leak TC1003 direct
        logger.LogInformation("Patrol {CallSign} to job {JobId}, parts on board {@Parts}", nearest.CallSign, job.JobId, nearest.PartsOnBoard); // clean logging-objects
        logger.LogInformation("Member text sent to {MemberMobile}", job.MemberMobile); // leak TC1001 direct
        logger.LogInformation("Member job {@Job}", job); // leak TC1001 logging-objects

        var plateKey = Convert.ToBase64String(Encoding.UTF8.GetBytes(job.VehiclePlate));
        activity?.SetTag("roadside.plate_key", plateKey); // leak TC1001 hashes
        using var hmac = new HMACSHA256(secrets.ShardKey);
        activity?.SetTag("roadside.member_shard", hmac.ComputeHash(Encoding.UTF8.GetBytes(job.MembershipNumber))[0] % 32); // clean hashes
        return nearest;
    }
}
