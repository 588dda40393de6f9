"use client";

// The door's camera, for the online check (door-check.tsx) and the offline one (door-offline/): reads the
// invitation's QR code with the browser's BarcodeDetector where it exists, jsQR otherwise, and hands its
// text over once; the camera stops then, or when `scanning` turns false.
import jsQR from "jsqr";
import { useEffect, useRef, type RefObject } from "react";

type Detector = { detect: (source: CanvasImageSource) => Promise<{ rawValue: string }[]> };

export function useQrCamera(
  scanning: boolean,
  { onText, onStop, onError }: { onText: (text: string) => void; onStop: () => void; onError: () => void },
): RefObject<HTMLVideoElement | null> {
  const video = useRef<HTMLVideoElement>(null);
  const handlers = useRef({ onText, onStop, onError });
  useEffect(() => {
    handlers.current = { onText, onStop, onError };
  });

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    const canvas = document.createElement("canvas");
    const Native = (window as unknown as { BarcodeDetector?: new (options: { formats: string[] }) => Detector }).BarcodeDetector;
    const detector = Native ? new Native({ formats: ["qr_code"] }) : null;
    async function read(): Promise<string | null> {
      const element = video.current;
      if (!element || element.readyState < 2) return null;
      if (detector) return (await detector.detect(element))[0]?.rawValue ?? null;
      canvas.width = element.videoWidth;
      canvas.height = element.videoHeight;
      const context = canvas.getContext("2d", { willReadFrequently: true })!;
      context.drawImage(element, 0, 0);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      return jsQR(image.data, image.width, image.height)?.data ?? null;
    }
    async function loop() {
      while (!stopped) {
        const text = await read().catch(() => null);
        if (text) {
          handlers.current.onStop();
          handlers.current.onText(text);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: "environment" } })
      .then((media) => {
        stream = media;
        if (video.current) {
          video.current.srcObject = media;
          void video.current.play();
        }
        void loop();
      })
      .catch(() => {
        handlers.current.onError();
        handlers.current.onStop();
      });
    return () => {
      stopped = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning]);

  return video;
}
