namespace PrivacyHoldout78.Healthcare;

/// <summary>What the ward screen knows of a patient's language needs.</summary>
public sealed record LanguageNeed(string NhsNumber, string FullName, string SpokenLanguage, bool InterpreterRequired, int OpenRequests);

/// <summary>
/// Builds the banner the EPR shows clinicians above a patient's record ("Mrs Begum prefers Sylheti
/// — interpreter required, 2 open requests"), localised in the clinician's UI culture.
/// </summary>
public sealed class InterpreterBanner(IStringLocalizer<InterpreterBanner> localizer, ILogger<InterpreterBanner> logger)
{
    private const int BannerLimit = 90;

    public string Build(LanguageNeed need, CultureInfo clinicianCulture)
    {
        var activity = Activity.Current;
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["NhsNumber"] = need.NhsNumber, ["UiCulture"] = clinicianCulture.Name }); // leak TC1001 direct
        var language = CultureInfo.GetCultureInfo(need.SpokenLanguage);
        var formatter = new MessageFormatter(clinicianCulture);
        var plural = PluralRules.Category(clinicianCulture, need.OpenRequests);
        var text = formatter.FormatMessage(localizer[$"Banner.{plural}"], new { name = need.FullName, language = language.DisplayName, count = need.OpenRequests });

        activity?.SetTag("epr.banner.plural", plural); // clean precision-about
        activity?.SetTag("epr.banner.language", language.Name); // clean precision-about
        activity?.SetTag("epr.banner.interpreter", need.InterpreterRequired); // clean precision-about
        if (text.Length > BannerLimit)
        {
            var tooLong = new MessageTooLongException("banner", BannerLimit, text);
            activity?.AddException(tooLong); // leak TC1001 exceptions
            logger.LogWarning("Banner over {Limit} characters for {UiCulture}; shortened ({Length})", BannerLimit, clinicianCulture.Name, text.Length); // clean precision-about
            text = text[..(BannerLimit - 1)] + "…";
        }

        activity?.SetTag("epr.banner.masked", NameMask.Mask(need.FullName)); // clean precision-about
        logger.LogTrace("Banner text {Banner}", text); // leak TC1001 strings
        return text;
    }
}
