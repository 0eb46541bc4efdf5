namespace PrivacyHoldout213.Education;

public sealed record BedAssignment(string Upn, string PupilName, string ParentEmail, string BedRef, string YearGroup);

public sealed record TreeClassPlanting(string ClassCode, string SchoolUrn, int Saplings, string Species);

/// <summary>A school trust's minimal API: pupils' raised beds on the school allotment and class tree planting.</summary>
public static class SchoolPlotEndpoints
{
    private static readonly ActivitySource Source = new("PupilPlot.Api");
    private static readonly Meter Meter = new("PupilPlot.Api");
    private static readonly Histogram<double> PlantingSize = Meter.CreateHistogram<double>("pupilplot.planting.saplings");

    public static void Map(EndpointRoutes routes, Pseudonymizer pseudonymizer, TreeRegister trees, TenantMailer mailer, ILogger logger)
    {
        routes.MapPost("/beds", (BedAssignment assignment) => AssignBed(assignment, pseudonymizer, mailer, logger));
        routes.MapPost("/plantings", (TreeClassPlanting planting) => Plant(planting, trees, logger));
    }

    private static string AssignBed(BedAssignment assignment, Pseudonymizer pseudonymizer, TenantMailer mailer, ILogger logger)
    {
        using var activity = Source.StartActivity("AssignBed");
        activity?.SetTag("pupilplot.bed", assignment.BedRef); // clean precision-names
        activity?.SetTag("pupilplot.year_group", assignment.YearGroup); // clean precision-names
        activity?.SetTag("pupil.upn", assignment.Upn); // leak TC1001 direct
        activity?.SetTag("pupilplot.client.id", pseudonymizer.ComputePupilplotClientId(assignment.Upn)); // clean precision-pseudonym
        activity?.SetTag("pupilplot.parent_email.domain", assignment.ParentEmail.Split('@')[^1]); // clean precision-about
        activity?.SetTag("pupilplot.parent_email", assignment.ParentEmail); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("bed.assigned", tags: new ActivityTagsCollection { ["pupil"] = assignment.PupilName })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("bed.assigned.count", tags: new ActivityTagsCollection { ["beds"] = 1 })); // clean precision-about
        logger.LogInformation("Bed {Bed} assigned to year {YearGroup}", assignment.BedRef, assignment.YearGroup); // clean precision-names
        logger.LogInformation("Bed assignment {Assignment}", assignment); // leak TC1001 logging-objects
        logger.LogInformation("Bed assignment {@Assignment}", new { assignment.BedRef, assignment.YearGroup }); // clean logging-objects
        logger.LogInformation("Bed assignment {@Assignment}", new { assignment.BedRef, assignment.Upn }); // leak TC1001 logging-objects

        var letter = new StringBuilder().Append("Dear parent of ").Append(assignment.PupilName).Append(", your child has bed ").Append(assignment.BedRef).ToString();
        logger.LogDebug("Letter: {Letter}", letter); // leak TC1001 strings
        var summary = string.Format("bed {0} for year {1}", assignment.BedRef, assignment.YearGroup);
        logger.LogDebug("Summary: {Summary}", summary); // clean strings
        mailer.Send(assignment.ParentEmail, "Your child's allotment bed", letter);

        Baggage.SetBaggage("pupilplot.client", pseudonymizer.ComputePupilplotClientId(assignment.Upn)); // clean precision-pseudonym
        Activity.Current?.AddBaggage("pupil.upn", assignment.Upn); // leak TC1001 direct
        return assignment.BedRef;
    }

    private static string Plant(TreeClassPlanting planting, TreeRegister trees, ILogger logger)
    {
        using var span = Source.StartPupilplotOperation(planting.SchoolUrn) // clean generated-api
            .SetPupilplotTask("planting") // clean generated-api
            .SetPupilplotNote($"{planting.Saplings} {planting.Species} saplings with class {planting.ClassCode}"); // clean generated-api
        var tree = trees.Plant(planting.Species, 53.80, -1.55, planting.SchoolUrn);
        span.SetPupilplotPlot(tree.TreeId); // clean generated-api
        logger.LogInformation("Planted {Tree}", tree); // clean logging-objects
        logger.LogInformation("Planted at {Lat},{Lon}", tree.Latitude, tree.Longitude); // clean precision-about
        PlantingSize.Record(planting.Saplings, new KeyValuePair<string, object?>("school", planting.SchoolUrn)); // clean precision-names
        Meter.CreatePupilplotOperationDurationHistogram().Record(1.5, planting.SchoolUrn); // clean generated-api
        return tree.TreeId;
    }
}
