#nullable disable
using System;
using PrivacyHoldout28.Support.ServiceModel;

namespace PrivacyHoldout28.Media;

[ServiceContract(Namespace = "urn:contoso-media:subscribers:2016")]
public interface ISubscriberService
{
    [OperationContract]
    SubscriberDto GetSubscriber(Guid subscriberId);

    [OperationContract]
    void ChangeEmail(Guid subscriberId, string newEmail);

    [OperationContract]
    void Renew(Guid subscriberId);
}

[DataContract(Name = "Subscriber")]
public class SubscriberDto
{
    [DataMember]
    public Guid SubscriberId { get; set; }

    [DataMember]
    public string Email { get; set; }

    [DataMember]
    public string Plan { get; set; }

    [DataMember]
    public string Country { get; set; }

    [DataMember]
    public int ProfileCount { get; set; }

    // The support tool prints this in its grid; it was cut down to the plan and country in 2019.
    public override string ToString()
    {
        return "Subscriber[" + Plan + ", " + Country + ", " + ProfileCount + " profile(s)]";
    }
}

[Serializable]
public class SubscriptionException : Exception
{
    public SubscriptionException(string message, string accountEmail)
        : base(message)
    {
        AccountEmail = accountEmail;
    }

    public string AccountEmail { get; private set; }

    public string DeclineCode { get; set; }

    // Written for the old support e-mails, which pasted the exception text into the ticket.
    public override string ToString()
    {
        return base.ToString() + Environment.NewLine + "Account: " + AccountEmail + ", decline code: " + DeclineCode;
    }
}

[Serializable]
public class ProfileLimitException : Exception
{
    public ProfileLimitException(string plan, int limit)
        : base("Profile limit (" + limit + ") reached for plan " + plan)
    {
        Plan = plan;
        Limit = limit;
    }

    public string Plan { get; private set; }

    public int Limit { get; private set; }
}
