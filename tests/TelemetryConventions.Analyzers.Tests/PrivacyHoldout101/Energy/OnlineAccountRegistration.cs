namespace PrivacyHoldout101.Energy;

/// <summary>Registration for online account management: the energy account number and the supply postcode from the bill, an email and a mobile.</summary>
public sealed record RegistrationForm(string AccountNumber, string SupplyPostcode, string Email, string Mobile, string Password);

/// <summary>The billing system's view of a supply account.</summary>
public sealed record SupplyAccount(string AccountNumber, string HolderName, string Mpan, string TariffCode, bool IsJointAccount);

public interface IBillingAccounts
{
    Task<SupplyAccount?> FindAsync(string accountNumber, string postcode, CancellationToken cancellationToken);

    Task AddSecondHolderAsync(string accountNumber, string accountUserId, CancellationToken cancellationToken);
}

/// <summary>Registration for the energy app, email verification with a code and a joint holder's link.</summary>
public sealed class OnlineAccountRegistration(
    IBillingAccounts billing,
    IAccountManager<AccountUser> accounts,
    IChallengeStore challenges,
    IAccountMessenger messenger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<OnlineAccountRegistration> logger)
{
    private readonly HomeacctFlowsCounter _flows = meter.CreateHomeacctFlowsCounter();
    private readonly Counter<long> _registrations = meter.CreateCounter<long>("homeacct.registrations");

    public async Task<string?> RegisterAsync(RegistrationForm form, CancellationToken cancellationToken)
    {
        using var span = source.StartHomeacctFlow("sign_up").SetHomeacctClientId("myenergy-app");
        var account = await billing.FindAsync(form.AccountNumber, form.SupplyPostcode, cancellationToken);
        if (account is null)
        {
            logger.LogInformation("No supply account {AccountNumber} at {Postcode}", form.AccountNumber, form.SupplyPostcode); // leak TC1001 direct
            Activity.Current?.SetTag("homeacct.postcode_district", form.SupplyPostcode.Split(' ')[0]); // clean precision-about
            _flows.Add(1, "sign_up", "no_match"); // clean generated-api
            return null;
        }
        span.SetHomeacctCustomerId(pseudonymizer.PseudonymizeHomeacctCustomerId(account.AccountNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("homeacct.tariff", account.TariffCode); // clean precision-names
        Activity.Current?.SetTag("homeacct.mpan", account.Mpan); // leak TC1001 cross-member
        Activity.Current?.SetTag("homeacct.mpan.distributor", account.Mpan[..2]); // clean precision-about

        var user = new AccountUser { UserName = form.Email, Email = form.Email, PhoneNumber = form.Mobile };
        var created = await accounts.CreateAsync(user, form.Password);
        if (!created.Succeeded)
        {
            var duplicate = created.Errors.FirstOrDefault(e => e.Code == "DuplicateEmail");
            logger.LogWarning("Registration failed for {AccountNumber}: {Reason}", pseudonymizer.ComputeHomeacctCustomerId(account.AccountNumber), duplicate?.Description); // leak TC1001 cross-member
            _registrations.Add(1, new KeyValuePair<string, object?>("homeacct.result", created.ToString())); // clean logging-objects
            return null;
        }
        _registrations.Add(1, new KeyValuePair<string, object?>("homeacct.account", pseudonymizer.ComputeHomeacctCustomerId(account.AccountNumber))); // leak TC1003 precision-pseudonym
        _registrations.Add(1, new KeyValuePair<string, object?>("homeacct.joint", account.IsJointAccount)); // clean precision-about

        var challenge = await challenges.IssueAsync(user.Id, MfaMethod.Email, form.Email, cancellationToken);
        span.SetHomeacctChallengeId(challenge.ChallengeId).SetHomeacctMfaMethod(challenge.Method.ToString()); // clean generated-api
        span.SetHomeacctNote($"code {challenge.Code} sent, expires {challenge.ExpiresAt:t}"); // leak TC1001 generated-api
        await messenger.SendEmailAsync(form.Email, "tpl-energy-verify", new Dictionary<string, string> { ["code"] = challenge.Code, ["name"] = account.HolderName }, cancellationToken);
        logger.LogInformation("Verification code for {Holder} sent", account.HolderName); // leak TC1001 cross-member
        return user.Id;
    }

    public async Task<bool> AddJointHolderAsync(string accountNumber, string inviteeEmail, CancellationToken cancellationToken)
    {
        using var span = source.StartHomeacctFlow("link");
        var invitee = await accounts.FindByEmailAsync(inviteeEmail);
        if (invitee is null)
        {
            span.SetHomeacctOutcome("invitee_unknown"); // clean generated-api
            logger.LogInformation("Joint holder invite to {Invitee} has no account yet", inviteeEmail); // leak TC1001 direct
            return false;
        }
        await billing.AddSecondHolderAsync(accountNumber, invitee.Id, cancellationToken);
        logger.LogInformation("Second holder added: {Invitee}", invitee); // leak TC1001 logging-objects
        logger.LogInformation("Second holder added, email confirmed {Confirmed}, two-factor {TwoFactor}", invitee.EmailConfirmed, invitee.TwoFactorEnabled); // clean precision-about
        Activity.Current?.SetTag("homeacct.link.holder_account_sha1", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(accountNumber)))[..12]); // leak TC1002 hashes
        return true;
    }
}
