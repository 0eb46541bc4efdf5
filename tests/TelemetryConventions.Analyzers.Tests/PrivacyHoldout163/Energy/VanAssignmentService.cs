namespace PrivacyHoldout163.Energy;

/// <summary>Hands vans to engineers who passed their check; vans are the company's, engineers are people.</summary>
public sealed class VanAssignmentService(Pseudonymizer pseudonymizer, ILogger<VanAssignmentService> logger)
{
    private static readonly ActivitySource Source = new("Driving.Fleet.Vans");
    private static readonly Meter VanMeter = new("Driving.Fleet.Vans");
    private static readonly Counter<long> Assigned = VanMeter.CreateCounter<long>("fleetlic.vans.assigned");
    private VanAssignment? lastAssignment;

    public void Assign(VanAssignment assignment, LicenceCheckResult check)
    {
        using var activity = Source.StartActivity("van.assign");
        lastAssignment = assignment;
        activity?.SetTag("fleetlic.van.registration", assignment.VanRegistration); // clean precision-about
        activity?.SetTag("fleetlic.van.depot", assignment.Depot); // clean precision-about
        activity?.SetTag("fleetlic.check.id", check.CheckId); // clean precision-names
        activity?.SetTag("fleetlic.check.category", check.Category); // clean precision-about
        activity?.SetTag("fleetlic.driver", assignment.EmployeeNumber); // leak TC1001 direct
        Assigned.Add(1, new KeyValuePair<string, object?>("depot", assignment.Depot), new KeyValuePair<string, object?>("van", assignment.VanRegistration)); // clean precision-about
        Assigned.Add(1, new KeyValuePair<string, object?>("driver", pseudonymizer.ComputeFleetlicDriverId(assignment.EmployeeNumber))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Van assigned {Assignment}", assignment); // leak TC1001 logging-objects
        logger.LogInformation("Van {Van} out of {Depot}", assignment.VanRegistration, assignment.Depot); // clean precision-names
    }

    public void Return(string vanRegistration, int mileage)
    {
        using var activity = Source.StartActivity("van.return");
        activity?.SetTag("fleetlic.van.mileage", mileage); // clean precision-about
        activity?.SetTag("fleetlic.van.last_driver", lastAssignment?.EmployeeNumber); // leak TC1001 cross-member
        activity?.SetTag("fleetlic.van.last_depot", lastAssignment?.Depot); // clean cross-member
        logger.LogInformation("Van {Van} returned by {Driver}", vanRegistration, DriverLabel()); // leak TC1001 cross-member
    }

    private string DriverLabel() => $"emp-{lastAssignment?.EmployeeNumber}";
}
