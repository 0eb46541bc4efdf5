namespace PrivacyHoldout188.Education;

/// <summary>Forwards staff self-referrals to the employee assistance programme from the wellbeing queue.</summary>
public sealed class EapReferralWorker(IQueueReceiver<EapContact> queue, IEapProvider eap, Pseudonymizer pseudonymizer, ILogger<EapReferralWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Uni.Wellbeing.Eap");
    private static readonly Counter<int> Contacts = new Meter("Uni.Wellbeing").CreateCounter<int>("eap.contacts");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var contact = await queue.ReceiveAsync(stoppingToken);
            if (contact is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("eap.forward");
            activity?.SetTag("eap.sessions_offered", contact.SessionsOffered); // clean precision-about
            activity?.SetTag("eap.caller", contact.CallerPhone); // leak TC1001 direct
            activity?.SetTag("eap.caller_prefix", contact.CallerPhone[..3]); // clean precision-about
            activity?.SetTag("eap.issue", contact.PresentingIssue); // leak TC1001 direct
            activity?.SetTag("eap.counsellor", contact.CounsellorId); // leak TC1001 direct
            activity?.SetTag("eap.client", pseudonymizer.ComputeStaffwellClientId(contact.EmployeeNumber)); // clean precision-pseudonym
            Contacts.Add(1, new KeyValuePair<string, object?>("client", pseudonymizer.ComputeStaffwellClientId(contact.EmployeeNumber))); // leak TC1003 precision-pseudonym
            Contacts.Add(1, new KeyValuePair<string, object?>("sessions", contact.SessionsOffered)); // clean precision-about
            try
            {
                var caseId = await eap.OpenCaseAsync(contact, stoppingToken);
                activity?.SetTag("eap.case_id", caseId); // clean precision-names
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested)
            {
                var failure = new EapCallbackFailedException(contact.CallerPhone);
                logger.LogError(failure, "EAP case could not be opened"); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, nameof(EapCallbackFailedException)); // clean exceptions
                var key = contact.EmployeeNumber.GetHashCode();
                activity?.SetTag("eap.retry_key", key); // leak TC1002 hashes
            }
        }
    }
}
