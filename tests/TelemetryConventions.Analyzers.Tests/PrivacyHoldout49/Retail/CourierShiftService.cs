using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Retail;

public sealed record CourierShift(string ShiftId, string CourierId, string CourierEmail, bool OwnVehicle, string VehicleRegistration, string Hub, IReadOnlyList<string> OrderIds);

public sealed record FollowUp(string FollowUpId, string OrderId, string Reason, string CustomerNumber, string CreatedBy);

/// <summary>Starts couriers' shifts (company vans and self-employed drivers in their own cars) and raises follow-ups.</summary>
public sealed class CourierShiftService(ILogger<CourierShiftService> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Retail.CourierShifts");
    private readonly Counter<long> _followUps = meter.CreateCounter<long>("lastmile.followups");

    public void Start(CourierShift shift)
    {
        using var activity = Source.StartActivity("courier.shift.start");
        activity?.SetTag("shift.id", shift.ShiftId); // clean precision-names
        activity?.SetTag("shift.hub", shift.Hub); // clean precision-names
        activity?.SetTag("shift.parcels", shift.OrderIds.Count); // clean precision-about
        activity?.SetTag("shift.own_vehicle", shift.OwnVehicle); // clean precision-about
        activity?.SetTag("shift.vehicle", shift.OwnVehicle ? shift.VehicleRegistration[..2] + "*****" : shift.VehicleRegistration); // clean precision-about
        if (shift.OwnVehicle)
        {
            logger.LogInformation("Self-employed courier on shift {ShiftId} in car {Registration}", shift.ShiftId, shift.VehicleRegistration); // leak TC1001 direct
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["ShiftId"] = shift.ShiftId, ["CourierEmail"] = shift.CourierEmail })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Shift {ShiftId} manifest loaded", shift.ShiftId); // clean precision-names
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["ShiftId"] = shift.ShiftId, ["Courier"] = pseudonymizer.ComputeFieldWorkerId(shift.CourierId) })) // clean logging-objects
        {
            logger.LogInformation("Shift {ShiftId} departed hub", shift.ShiftId); // clean precision-names
        }
    }

    public void Raise(FollowUp followUp)
    {
        using var activity = Source.StartActivity("courier.followup.raise");
        activity?.SetTag("followup.id", followUp.FollowUpId); // clean precision-names
        activity?.SetTag("followup.reason", followUp.Reason); // clean precision-names
        activity?.SetTag("followup.created_by", followUp.CreatedBy); // leak TC1001 direct
        _followUps.Add(1, new KeyValuePair<string, object?>("reason", followUp.Reason)); // clean precision-names
        _followUps.Add(1, new KeyValuePair<string, object?>("customer", followUp.CustomerNumber)); // leak TC1003 direct
        logger.LogInformation("Follow-up raised: {FollowUp}", followUp); // leak TC1001 logging-objects
        var customerBucket = followUp.CustomerNumber.GetHashCode() & 0x3;
        activity?.SetTag("followup.customer_bucket", customerBucket); // leak TC1002 hashes
    }
}
