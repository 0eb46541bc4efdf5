namespace PrivacyHoldout180.Education;

/// <summary>The students' union's campus blood drive sign-ups and the medical school's body donation programme, as minimal APIs.</summary>
public static class CampusDriveEndpoints
{
    private static readonly ActivitySource Source = new("Campusdrive.Api");
    private static readonly Meter Meter = new("Campusdrive.Api");
    private static readonly Counter<long> SignUps = Meter.CreateCounter<long>("campusdrive.signups");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/drives/{driveId}/signups", (string driveId, StudentDonorSignUp signUp, Pseudonymizer pseudonymizer, ILogger<StudentDonorSignUp> logger) =>
        {
            using var activity = Source.StartActivity("SignUp");
            activity?.SetTag("drive.id", driveId); // clean precision-names
            activity?.SetTag("campus", signUp.Campus); // clean precision-about
            activity?.SetTag("student.number", signUp.StudentNumber); // leak TC1001 direct
            activity?.SetTag("student.email", signUp.UniversityEmail); // leak TC1001 direct
            activity?.SetTag("student.email_domain", signUp.UniversityEmail.Split('@')[1]); // clean precision-about
            activity?.SetTag("student.name_parts", signUp.StudentName.Split(' ').Length); // clean precision-about
            logger.LogInformation("Sign-up {SignUp}", signUp); // leak TC1001 logging-objects
            logger.LogInformation("Sign-up {SignUp}", signUp with { StudentNumber = "", StudentName = "", UniversityEmail = "" }); // clean logging-objects
            logger.LogInformation("Sign-up for {Student}", pseudonymizer.PseudonymizeCampusdriveDonorId(signUp.StudentNumber)); // clean precision-pseudonym
            SignUps.Add(1, new KeyValuePair<string, object?>("campus", signUp.Campus)); // clean precision-about
            SignUps.Add(1, new KeyValuePair<string, object?>("student", signUp.StudentNumber)); // leak TC1003 direct
            activity?.SetBaggage("student.number", signUp.StudentNumber); // leak TC1001 direct
            return Ok(driveId);
        });

        routes.MapPost("/body-donation", (BodyDonationRegistrant registrant, Pseudonymizer pseudonymizer, ILogger<BodyDonationRegistrant> logger) =>
        {
            using var span = Source.StartCampusdriveOperation(registrant.MedicalSchool);
            span.SetCampusdriveDonationType("tissue"); // clean generated-api
            span.SetCampusdriveDonorId(pseudonymizer.PseudonymizeCampusdriveDonorId(registrant.RegistrantNumber)); // clean precision-pseudonym
            span.SetCampusdriveNote("next of kin: " + registrant.NextOfKinName); // leak TC1001 generated-api
            span.SetCampusdriveNote($"school {registrant.MedicalSchool}"); // clean generated-api
            span.SetCampusdriveDonorId(Pseudonym.FromComputed(registrant.RegistrantNumber)); // leak TC1001 precision-pseudonym
            span.Activity?.SetTag("registrant.kin_phone", registrant.NextOfKinPhone); // leak TC1001 direct
            var description = new StringBuilder().Append("Registrant ").Append(registrant.FullName).Append(" at ").Append(registrant.MedicalSchool).ToString();
            logger.LogInformation("{Description}", description); // leak TC1001 strings
            logger.LogInformation("Registrant at {School}, kin given {KinGiven}", registrant.MedicalSchool, registrant.NextOfKinName.Length > 0); // clean precision-about
            return Ok();
        });
    }

    private static ActionResult Ok(object? value = null) => new OkResult(value);
}
