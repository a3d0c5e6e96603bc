using Fedi.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fedi.Core.Media;

/// <summary>Media attachments: settings, storage, stores and services.</summary>
public static class MediaServices
{
    public static IServiceCollection AddFediMedia(this IServiceCollection services)
    {
        services.AddSingleton(sp => MediaOptions.From(sp.GetRequiredService<FediSettings>().Environment, sp.GetRequiredService<InstanceOptions>()));
        services.AddSingleton<IMediaStorage, LocalMediaStorage>();
        services.AddSingleton<MediaAttachmentStore>();
        services.AddSingleton<ProcessMediaService>();
        services.AddSingleton<UploadMediaService>();
        services.AddSingleton<UpdateMediaService>();
        services.AddSingleton<DeleteMediaService>();
        services.AddSingleton<MediaAttachmentService>();
        services.AddSingleton<ProfileImageStore>();
        services.AddSingleton<UpdateProfileImageService>();
        services.AddSingleton<RemoveOrphanedMediaService>();
        return services;
    }
}
