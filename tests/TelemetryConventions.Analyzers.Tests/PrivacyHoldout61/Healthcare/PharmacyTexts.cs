using System;
using System.CodeDom.Compiler;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace PrivacyHoldout61.Healthcare;

/// <summary>
/// A strongly-typed resource class, for looking up localized strings, etc.
/// (written by the resource designer from <c>PharmacyTexts.resx</c>; the Welsh branches have
/// <c>PharmacyTexts.cy.resx</c>).
/// </summary>
[GeneratedCode("System.Resources.Tools.StronglyTypedResourceBuilder", "17.0.0.0")]
internal static class PharmacyTexts
{
    private static ResourceManager? resourceMan;

    internal static ResourceManager ResourceManager =>
        resourceMan ??= new ResourceManager("PrivacyHoldout61.Healthcare.PharmacyTexts", typeof(PharmacyTexts).Assembly);

    internal static CultureInfo? Culture { get; set; }

    /// <summary>Looks up a localized string similar to Hi {0}, your prescription {1} is ready to collect from {2}. Reply STOP to opt out..</summary>
    internal static string RefillReady => ResourceManager.GetString("RefillReady", Culture)!;

    /// <summary>Looks up a localized string similar to Reminder: prescription {0} ({1} items) has been waiting at {2} since {3:d}..</summary>
    internal static string CollectionReminder => ResourceManager.GetString("CollectionReminder", Culture)!;

    /// <summary>Looks up a localized string similar to The SMS gateway refused {0}: {1}.</summary>
    internal static string GatewayRefused => ResourceManager.GetString("GatewayRefused", Culture)!;

    /// <summary>Looks up a localized string similar to Patient {0} has not consented to texts; a letter will be sent instead..</summary>
    internal static string NoSmsConsent => ResourceManager.GetString("NoSmsConsent", Culture)!;

    /// <summary>Looks up a localized string similar to {0} of {1} notifications sent for branch {2}..</summary>
    internal static string BatchSummary => ResourceManager.GetString("BatchSummary", Culture)!;

    /// <summary>Looks up a localized string similar to No letter template '{0}' for locale {1}..</summary>
    internal static string TemplateMissing => ResourceManager.GetString("TemplateMissing", Culture)!;
}

/// <summary>How patients' details are shown to staff and operators.</summary>
internal static class PatientTextMasks
{
    private static readonly Regex DigitsBeforeLastFour = new(@"\d(?=\d{4})", RegexOptions.Compiled);

    /// <summary>An NHS number as the counter staff see it: <c>*** *** 1234</c>.</summary>
    public static string MaskNhsNumber(string nhsNumber) =>
        string.Create(12, nhsNumber, static (span, nhs) =>
        {
            "*** *** ".AsSpan().CopyTo(span);
            nhs.AsSpan(nhs.Length - 4).CopyTo(span[8..]);
        });

    /// <summary>
    /// A mobile number with its middle hidden, for the gateway's failure messages. (It hides the last
    /// three digits only: <c>07700 900***</c>.)
    /// </summary>
    public static string MaskMobile(string mobile) =>
        mobile.Length < 7 ? "***" : mobile.Substring(0, mobile.Length - 3) + "***";

    /// <summary>Every digit but the last four replaced by <c>*</c>.</summary>
    public static string KeepLastFour(string digits) => DigitsBeforeLastFour.Replace(digits, "*");
}
