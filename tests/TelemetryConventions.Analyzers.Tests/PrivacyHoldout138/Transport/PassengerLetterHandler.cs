namespace PrivacyHoldout138.Transport;

/// <summary>A passenger's letter for the on-board magazine's letters page, from the customer relations system.</summary>
public sealed record PassengerLetter(string LetterId, Guid PassengerId, string PassengerName, string Email, string Route, string ServiceDate, string Body, bool ConsentToPrint);

public sealed class PassengerLetterHandler(ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<PassengerLetterHandler> logger)
{
    private readonly Counter<long> _letters = meter.CreateCounter<long>("railpress.letters", "{letter}");
    private PassengerLetter? _starLetter;

    public void Handle(PassengerLetter letter)
    {
        using var span = source.StartRailpressLetter(letter.LetterId).SetRailpressRoute(letter.Route); // clean precision-names
        span.SetRailpressPassengerId(pseudonymizer.PseudonymizeRailpressPassengerId(letter.PassengerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("railpress.letter.consent", letter.ConsentToPrint); // clean precision-about
        span.Activity?.SetTag("railpress.service.date", letter.ServiceDate); // clean precision-names
        _letters.Add(1, new TagList { { "route", letter.Route }, { "consent", letter.ConsentToPrint } }); // clean precision-names
        _letters.Add(1, new KeyValuePair<string, object?>("passenger", pseudonymizer.ComputeRailpressPassengerId(letter.PassengerId.ToString()))); // leak TC1003 precision-pseudonym

        if (!letter.ConsentToPrint)
        {
            logger.LogRailpressLetterFailedEvent(letter.LetterId, "no-consent", railpressPassengerId: pseudonymizer.PseudonymizeRailpressPassengerId(letter.PassengerId.ToString())); // clean generated-api
            span.Activity?.AddRailpressLetterFailedEvent(letter.LetterId, "no-consent", railpressNote: $"{letter.PassengerName} did not consent"); // leak TC1001 generated-api
            return;
        }

        var signOff = $"{letter.PassengerName}, by email";
        logger.LogInformation("Letter {LetterId} signed off as {SignOff}", letter.LetterId, signOff); // leak TC1001 strings
        logger.LogInformation("Letter {LetterId} is {Words} words about the {Route}", letter.LetterId, letter.Body.Split(' ').Length, letter.Route); // clean precision-about
        if (letter.Body.Length > 600)
        {
            _starLetter = letter;
        }
    }

    public void AnnounceStarLetter()
    {
        if (_starLetter is null)
        {
            return;
        }

        Activity.Current?.SetTag("railpress.star_letter.id", _starLetter.LetterId); // clean cross-member
        Activity.Current?.SetTag("railpress.star_letter.passenger", _starLetter.PassengerId.ToString()); // leak TC1001 cross-member
        logger.LogInformation("Star letter {Letter}", _starLetter); // leak TC1001 cross-member
        var prizeRef = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(_starLetter.Email)));
        logger.LogInformation("Prize voucher reference {PrizeRef}", prizeRef); // leak TC1002 hashes
    }
}
