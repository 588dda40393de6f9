// The web app manifest (issue 32.4): the door check installs on a phone's home screen and opens on
// /lieu/controle, which its service worker (worker/door-sw.ts) serves without a network.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Contrôle à l'entrée — Billetterie solidaire",
    short_name: "Contrôle",
    description: "Contrôle des invitations à l'entrée, même sans réseau.",
    start_url: "/lieu/controle",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1d4ed8",
    lang: "fr",
    icons: [
      { src: "/icons/controle-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/controle-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
