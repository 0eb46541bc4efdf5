namespace PrivacyHoldout162.Education;

public sealed record DietaryNeed(string StudentNumber, string PupilName, string DietCode, string[] Allergens, string? ParentNote, string ApprovedByStaffEmail);

public static class DietaryNeedsEndpoints
{
    private static readonly ActivitySource Source = new("School.Diets");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/dietary-needs", Record);

    private static ActionResult Record(DietaryNeed need, Pseudonymizer pseudonymizer, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Diets");
        using var activity = Source.StartActivity("canteen.diet.record");
        activity?.SetTag("diet.code", need.DietCode); // clean precision-about
        activity?.SetTag("diet.allergens", string.Join(",", need.Allergens)); // clean precision-about
        activity?.SetTag("diet.pupil", need.PupilName); // leak TC1001 direct
        activity?.SetTag("diet.parent_note", need.ParentNote); // leak TC1001 direct
        activity?.SetTag("diet.parent_note.present", need.ParentNote is not null); // clean precision-about
        activity?.SetTag("diet.approved_by", need.ApprovedByStaffEmail); // leak TC1001 direct
        activity?.SetTag("diet.approved_by", pseudonymizer.ComputeCanteenStaffId(need.ApprovedByStaffEmail)); // clean precision-pseudonym
        activity?.SetTag(CanteenAttributes.Contact, pseudonymizer.ComputeCanteenPupilId(need.StudentNumber)); // leak TC1001 precision-pseudonym
        activity?.SetTag("diet.email_template_id", "tpl-diet-confirm"); // clean precision-names
        logger.LogInformation("Diet {DietCode} recorded for {Summary}", need.DietCode, Summary(need)); // leak TC1001 strings
        logger.LogInformation("Diet {DietCode} recorded with {Allergens} allergens", need.DietCode, need.Allergens.Length); // clean precision-about
        return new OkResult(need.DietCode);
    }

    private static string Summary(DietaryNeed need) => $"{need.PupilName} ({need.StudentNumber})";
}
