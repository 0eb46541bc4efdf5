namespace PrivacyHoldout108.Transport;

public sealed record AppealDecision(string NoticeNumber, string PassengerName, string PassengerEmail, string? CardNumber, string? VehicleRegistration, string Outcome, string PanelMemberStaffNumber);

public sealed class LetterAddressException(string email) : Exception($"Decision letter could not be addressed to {email}.");

/// <summary>The appeals panel's decision letters: a PDF generated from the decision template, signed by the panel member and mailed to the appellant.</summary>
public sealed class AppealDecisionLetters(PdfFormFiller filler, Pseudonymizer pseudonymizer, ILogger<AppealDecisionLetters> logger)
{
    private static readonly ActivitySource Source = new("Operator.Appeals.Letters");
    private static readonly PdfTemplate DecisionTemplate = new("tpl-appeal-decision", 2, "en-GB", ["NoticeNumber", "Name", "Outcome", "Vehicle"]);

    private AppealDecision? _current;

    public GeneratedPdf Write(AppealDecision decision)
    {
        _current = decision;
        using var activity = Source.StartActivity("appeal.letter");
        activity?.SetTag("letter.outcome", decision.Outcome); // clean precision-names
        activity?.SetTag("letter.template", $"{DecisionTemplate.TemplateId}@{DecisionTemplate.Version}"); // clean precision-names
        var greeting = "Dear " + decision.PassengerName + ",";
        activity?.SetTag("letter.greeting", greeting); // leak TC1001 strings
        var pdf = filler.Fill(DecisionTemplate, new Dictionary<string, string> { ["NoticeNumber"] = decision.NoticeNumber, ["Name"] = decision.PassengerName, ["Outcome"] = decision.Outcome, ["Vehicle"] = decision.VehicleRegistration ?? "" }, $"decision-{decision.NoticeNumber}-{decision.VehicleRegistration}.pdf");
        activity?.SetTag("letter.file", pdf.FileName); // leak TC1001 strings
        activity?.SetTag("letter.panel", decision.PanelMemberStaffNumber); // leak TC1001 direct
        activity?.SetTag("letter.panel_pseudonym", pseudonymizer.ComputeAppealsignSenderId(decision.PanelMemberStaffNumber)); // clean precision-pseudonym
        TagVehicle(activity);
        if (!decision.PassengerEmail.Contains('@'))
        {
            var error = new LetterAddressException(decision.PassengerEmail);
            logger.LogError(error, "Decision letter for {Notice} not sent", decision.NoticeNumber); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(LetterAddressException)); // clean exceptions
        }
        logger.LogInformation("Decision {Decision}", decision); // leak TC1001 logging-objects
        return pdf;
    }

    private void TagVehicle(Activity? activity) => activity?.SetTag("letter.vehicle", _current?.VehicleRegistration); // leak TC1001 cross-member
}
