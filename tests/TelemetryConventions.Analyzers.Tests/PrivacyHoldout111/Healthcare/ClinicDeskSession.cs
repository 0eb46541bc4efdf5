namespace PrivacyHoldout111.Healthcare;

/// <summary>
/// The outpatient desk keeps the clinic being run, the patient on screen and the clinician signed in to the desk
/// in session state, with a cookie remembering the desk's clinic between sign-ins.
/// </summary>
public sealed class ClinicDeskSession(Pseudonymizer pseudonymizer, ILogger<ClinicDeskSession> logger)
{
    private const string ClinicKey = "desk.clinic";
    private const string PatientKey = "desk.patient";
    private const string ClinicianKey = "desk.clinician";
    private const string DeskCookie = "desk-clinic";

    private static readonly ActivitySource Source = new("Trust.Outpatients.Desk");

    public void SelectPatient(StateHttpContext http, string hospitalNumber, string clinicCode)
    {
        http.Session.SetString(PatientKey, hospitalNumber);
        http.Session.SetString(ClinicKey, clinicCode);
        using var span = Source.StartChartcacheSession("stored").SetChartcachePatientId(pseudonymizer.PseudonymizeChartcachePatientId(hospitalNumber)); // clean precision-pseudonym
        span.SetChartcacheCacheKey(PatientKey); // clean precision-names
        span.Activity?.SetTag("desk.session.id", http.Session.Id); // clean precision-names
        span.Activity?.SetTag("desk.clinic", clinicCode); // clean direct
        logger.LogInformation("Desk session {SessionId} now on clinic {Clinic}", http.Session.Id, clinicCode); // clean precision-names
    }

    public string? CurrentPatient(StateHttpContext http)
    {
        var onScreen = http.Session.GetString(PatientKey);
        if (onScreen is null)
        {
            logger.LogDebug("Session {SessionId} has no patient; keys {Keys}", http.Session.Id, string.Join(",", http.Session.Keys)); // clean precision-names
            return null;
        }
        Activity.Current?.SetTag("desk.patient", onScreen); // leak TC1001 cross-member
        Activity.Current?.SetTag("desk.patient.present", true); // clean precision-about
        return onScreen;
    }

    public void SignIn(StateHttpContext http, string staffNumber, string clinicCode)
    {
        http.Session.SetString(ClinicianKey, staffNumber);
        http.Response.Cookies.Append(DeskCookie, clinicCode, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromHours(12) });
        logger.LogInformation("Clinician {Clinician} signed in to desk for {Clinic}", staffNumber, clinicCode); // leak TC1001 direct
        Activity.Current?.SetTag(ChartcacheAttributes.ClinicianId, pseudonymizer.ComputeChartcacheClinicianId(staffNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("desk.cookie", DeskCookie); // clean precision-names
    }

    public void Dump(StateHttpContext http)
    {
        var contents = http.Session.Keys.ToDictionary(k => k, k => http.Session.GetString(k));
        logger.LogDebug("Desk session {SessionId}: {Contents}", http.Session.Id, contents); // leak TC1001 logging-objects
        logger.LogDebug("Desk session holds {KeyCount} keys", contents.Count); // clean precision-about
        var cookies = http.Request.Cookies.Select(c => c.Key).ToArray();
        logger.LogDebug("Desk request cookies {CookieNames}", string.Join(",", cookies)); // clean precision-names
        var remembered = http.Request.Cookies[DeskCookie];
        Activity.Current?.SetTag("desk.cookie.clinic", remembered); // clean cross-member
    }

    public void SignOut(StateHttpContext http)
    {
        var clinician = http.Session.GetString(ClinicianKey);
        http.Session.Clear();
        http.Response.Cookies.Delete(DeskCookie);
        Activity.Current?.AddEvent(new ActivityEvent("desk.signed_out", tags: new ActivityTagsCollection { ["clinician"] = clinician })); // leak TC1001 cross-member
    }
}
