namespace Designer.Server.Notifications;

/// <summary>A message for one person, to be sent by SMS or e-mail as well as shown in the Studio's notification centre.</summary>
public sealed record OutgoingNotification(string UserName, string? Email, string? Phone, string Kind, string Title, string Body);

/// <summary>Delivers notifications outside the Studio (SMS, e-mail). Chosen by Notifications:Sender in appsettings.</summary>
public interface INotificationSender
{
    Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken = default);
}

/// <summary>The default: writes each notification to the log (no gateway configured).</summary>
public sealed class LogNotificationSender(ILogger<LogNotificationSender> logger) : INotificationSender
{
    public Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken = default)
    {
        logger.LogInformation("Notification {Kind} to {UserName} (email {Email}, phone {Phone}): {Title} — {Body}",
            notification.Kind, notification.UserName, notification.Email ?? "-", notification.Phone ?? "-", notification.Title, notification.Body);
        return Task.CompletedTask;
    }
}

/// <summary>Notifications:Sender = "none": in-app only.</summary>
public sealed class NoNotificationSender : INotificationSender
{
    public Task SendAsync(OutgoingNotification notification, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
